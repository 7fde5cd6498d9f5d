package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Previews: which uploads a browser would open as a document that runs scripts")
class ActiveContentTest {

  @ParameterizedTest(name = "{0} (.{1}) is an inert attachment")
  @CsvSource({
    "image/svg+xml, png",
    "text/xml, txt",
    "application/xml, txt",
    // Chromium runs an XHTML script in a text/xsl answer; Firefox opens any +xml type as XML.
    "text/xsl, txt",
    "TEXT/XSL; charset=utf-8, txt",
    "application/xslt+xml, txt",
    "application/rss+xml, txt",
    "application/vnd.evil+xml, bin",
    "text/plain, xsl",
    "text/plain, xslt"
  })
  void xmlDocumentsAreScriptable(String mimeType, String extension) {
    assertThat(ActiveContent.isScriptableDocument(mimeType, extension)).isTrue();
  }

  @ParameterizedTest(name = "{0} (.{1}) is HTML")
  @CsvSource({"text/html, txt", "application/xhtml+xml, txt", "text/plain, xht"})
  void htmlIsHtml(String mimeType, String extension) {
    assertThat(ActiveContent.isHtml(mimeType, extension)).isTrue();
  }

  @ParameterizedTest(name = "{0} (.{1}) stays inline")
  @CsvSource({
    "image/png, png",
    "text/plain, txt",
    "application/json, json",
    "application/pdf, pdf"
  })
  void passiveTypesStayInline(String mimeType, String extension) {
    assertThat(ActiveContent.isScriptableDocument(mimeType, extension)).isFalse();
    assertThat(ActiveContent.isHtml(mimeType, extension)).isFalse();
  }

  @ParameterizedTest(name = "[{0}] is one media type")
  @CsvSource(
      delimiter = '|',
      value = {"image/png", "text/plain; charset=utf-8", "application/vnd.ms-excel", "Text/HTML"})
  void oneMediaType(String mimeType) {
    assertThat(ActiveContent.isOneMediaType(mimeType)).isTrue();
  }

  // A browser takes the last type of a list: each of these would open as HTML.
  @ParameterizedTest(name = "[{0}] is not one media type")
  @CsvSource(
      delimiter = '|',
      value = {
        "text/plain,text/html",
        "image/png, text/html",
        "image/png; a=b, text/html",
        "text/plain\ttext/html",
        "html",
        "text/",
        "/html"
      })
  void notOneMediaType(String mimeType) {
    assertThat(ActiveContent.isOneMediaType(mimeType)).isFalse();
  }
}
