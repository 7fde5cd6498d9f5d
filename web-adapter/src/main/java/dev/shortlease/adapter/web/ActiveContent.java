package dev.shortlease.adapter.web;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Web adapter: uploads a browser would run as a document if it opened them from this service's
 * origin. HTML is served as a download of opaque bytes, as Dify's file preview serves it; SVG and
 * XML keep their type (an image tag draws them without running anything) but are sent as
 * attachments under a policy that blocks scripts, should a client open them anyway. XML is every
 * type a browser opens as an XML document: {@code text/xml}, {@code application/xml}, any {@code
 * +xml} subtype (WHATWG MIME Sniffing's "XML MIME type") and XSLT's {@code text/xsl}, which
 * Chromium runs scripts in.
 */
final class ActiveContent {
  /** No scripts, no fetches; inline styles stay, so an opened SVG still looks right. */
  static final String INERT_DOCUMENT_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; sandbox";

  private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");
  private static final Set<String> HTML_EXTENSIONS = Set.of("html", "htm", "xhtml", "xht");
  private static final Set<String> DOCUMENT_TYPES =
      Set.of("text/xml", "application/xml", "text/xsl");
  private static final Set<String> DOCUMENT_EXTENSIONS =
      Set.of("svg", "svgz", "xml", "xsl", "xslt");

  /**
   * One media type, {@code type/subtype} with parameters free of commas and control characters. A
   * browser reads a Content-Type with commas as a list and takes its last type, so {@code
   * text/plain,text/html} would open as HTML whatever the checks below made of it.
   */
  private static final Pattern ONE_MEDIA_TYPE =
      Pattern.compile(
          "[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:\\s*;[^,\\p{Cntrl}]*)?");

  private ActiveContent() {}

  /** Whether a client's {@code mimeType} can be answered as it is (see {@link #ONE_MEDIA_TYPE}). */
  static boolean isOneMediaType(String mimeType) {
    return mimeType != null && ONE_MEDIA_TYPE.matcher(mimeType.strip()).matches();
  }

  static boolean isHtml(String mimeType, String extension) {
    return HTML_TYPES.contains(baseType(mimeType)) || HTML_EXTENSIONS.contains(normal(extension));
  }

  static boolean isScriptableDocument(String mimeType, String extension) {
    String type = baseType(mimeType);
    return DOCUMENT_TYPES.contains(type)
        || type.endsWith("+xml")
        || DOCUMENT_EXTENSIONS.contains(normal(extension));
  }

  /** {@code Text/HTML; charset=utf-8} is {@code text/html}. */
  private static String baseType(String mimeType) {
    int parameters = mimeType.indexOf(';');
    return normal(parameters < 0 ? mimeType : mimeType.substring(0, parameters));
  }

  private static String normal(String text) {
    String stripped = text == null ? "" : text.strip();
    return (stripped.startsWith(".") ? stripped.substring(1) : stripped).toLowerCase(Locale.ROOT);
  }
}
