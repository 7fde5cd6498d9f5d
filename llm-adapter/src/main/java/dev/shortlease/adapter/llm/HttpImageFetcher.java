package dev.shortlease.adapter.llm;

import dev.shortlease.application.port.out.ImageFormat;
import dev.shortlease.application.port.out.ImageInputException;
import dev.shortlease.application.port.out.ModelImage;
import dev.shortlease.application.port.out.RemoteImagePort;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.domain.Texts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Predicate;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LLM adapter: downloads a client's image URL for a model that takes only inline images, on Apache
 * HttpClient 5 with the SSRF defences: http and https only; every address checked and the
 * connection pinned to it ({@link CheckedDnsResolver}); no proxy; redirects followed here, at most
 * {@value #MAX_REDIRECTS}, each hop checked again; an {@code image/*} answer only, whose first
 * bytes are a raster format's ({@link ImageFormat}); the size capped while the bytes arrive; a
 * connect timeout and a deadline for the whole download. Each refusal is logged with the URL
 * redacted (no user info, no query).
 */
public final class HttpImageFetcher implements RemoteImagePort {
  static final int MAX_REDIRECTS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(HttpImageFetcher.class);

  private final RemoteImageSettings settings;
  private final CheckedDnsResolver resolver;
  private final CloseableHttpClient http;

  public HttpImageFetcher(RemoteImageSettings settings) {
    this(settings, settings.allowPrivateAddresses() ? address -> true : AddressPolicy::isPublic);
  }

  /** With {@code allowed} deciding which resolved addresses may be connected to. */
  HttpImageFetcher(RemoteImageSettings settings, Predicate<InetAddress> allowed) {
    this(settings, new CheckedDnsResolver(allowed));
  }

  /** With {@code resolver} looking names up (a test's slow lookup, say). */
  HttpImageFetcher(RemoteImageSettings settings, CheckedDnsResolver resolver) {
    this.settings = settings;
    this.resolver = resolver;
    Timeout total = Timeout.of(settings.timeout());
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(resolver)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                            .setSocketTimeout(total)
                            .build())
                    .setMaxConnTotal(200)
                    .setMaxConnPerRoute(50)
                    .build())
            // A proxy would resolve the name itself, past the check: always connect directly.
            .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(total)
                    .setResponseTimeout(total)
                    .setRedirectsEnabled(false)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .setUserAgent("shortlease")
            .build();
  }

  /** The name lookups' counts, read live: the composition root's meters (docs/observability.md). */
  public NameLookups nameLookups() {
    return resolver;
  }

  @Override
  public ModelImage.Inline fetch(URI url, StopSignal stop) {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    URI current = url;
    try {
      for (int hop = 0; ; hop++) {
        Hop answer = get(current, deadline, stop);
        if (answer.image() != null) {
          return answer.image();
        }
        if (hop == MAX_REDIRECTS) {
          throw new Refusal("it was redirected more than " + MAX_REDIRECTS + " times");
        }
        current = answer.redirect();
      }
    } catch (Refusal refusal) {
      if (stop.isRequested()) {
        // The run ends as stopped: nobody is told this reason, and it is no server's fault.
        LOG.debug("remote image download stopped: url={}", LlmSettings.redact(url.toString()));
        throw stopped(url);
      }
      throw refused(url, current, refusal.getMessage(), refusal.getCause());
    }
  }

  private static ImageInputException stopped(URI url) {
    return new ImageInputException(
        "The image at " + LlmSettings.redact(url.toString()) + " was not fetched: stopped.");
  }

  /** One request: the image, or where it was redirected. */
  private Hop get(URI url, long deadline, StopSignal stop) throws Refusal {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new Refusal("only http and https URLs are fetched");
    }
    if (url.getRawUserInfo() != null) {
      throw new Refusal("URLs with a user name or password are not fetched");
    }
    HttpGet request = new HttpGet(url);
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new Refusal(tookTooLong());
    }
    // Cutting the hop cancels the request and abandons a name lookup in progress, which the
    // cancel alone does not end (CheckedDnsResolver).
    CompletableFuture<Void> cut = new CompletableFuture<>();
    Runnable cutHop =
        () -> {
          cut.complete(null);
          request.cancel();
        };
    ScheduledFuture<?> abort = AdapterTimer.after(left, cutHop);
    // A stop cuts the hop as the deadline does (at once if the run is stopped already); the
    // callback is dropped when the hop ends, so a run's signal does not collect one per hop.
    try (StopSignal.Registration cutOnStop = stop.onRequest(cutHop);
        CheckedDnsResolver.Scope lookups = CheckedDnsResolver.abandonedOn(cut);
        ClassicHttpResponse response = http.executeOpen(null, request, null)) {
      Hop hop = null;
      try {
        hop = answer(url, response, deadline);
        return hop;
      } finally {
        if (hop == null || hop.image() == null) {
          // Never drain what was not read: closing would read the rest of the body.
          request.cancel();
        }
      }
    } catch (Refusal refusal) {
      throw refusal;
    } catch (IOException | RuntimeException e) {
      throw new Refusal(reasonFor(e, deadline), e);
    } finally {
      abort.cancel(false);
    }
  }

  private Hop answer(URI url, ClassicHttpResponse response, long deadline)
      throws IOException, Refusal {
    int status = response.getCode();
    if (status >= 300 && status < 400 && status != 304) {
      Header location = response.getFirstHeader("Location");
      if (location == null) {
        throw new Refusal("the server answered HTTP " + status + " without a Location");
      }
      try {
        return new Hop(null, url.resolve(location.getValue().strip()));
      } catch (IllegalArgumentException e) {
        throw new Refusal("the server redirected to an invalid URL", e);
      }
    }
    if (status < 200 || status >= 300) {
      throw new Refusal("the server answered HTTP " + status);
    }
    HttpEntity entity = response.getEntity();
    String mimeType = mimeType(entity == null ? null : entity.getContentType());
    if (!mimeType.startsWith("image/")) {
      throw new Refusal(
          "it is not an image (content type " + (mimeType.isEmpty() ? "none" : mimeType) + ")");
    }
    if (mimeType.equals("image/svg+xml")) {
      throw new Refusal("it is an SVG image, not " + ImageFormat.NAMES);
    }
    if (entity.getContentLength() > settings.maxBytes()) {
      throw new Refusal(tooLarge());
    }
    return new Hop(read(entity, deadline), null);
  }

  /**
   * The body, refused as soon as it passes the cap (never read whole first) or its first bytes are
   * no raster image's. Its media type is the one those bytes show, not the server's header: the
   * model is never told a type its decoder then fails on.
   */
  private ModelImage.Inline read(HttpEntity entity, long deadline) throws IOException, Refusal {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    ImageFormat format = null;
    // Not closed on a refusal: closing reads the rest; the request is cancelled instead.
    InputStream in = entity.getContent();
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      if (bytes.size() + (long) n > settings.maxBytes()) {
        throw new Refusal(tooLarge());
      }
      if (System.nanoTime() - deadline > 0) {
        throw new Refusal(tookTooLong());
      }
      bytes.write(buffer, 0, n);
      if (format == null && bytes.size() >= ImageFormat.SIGNATURE_BYTES) {
        format = formatOf(bytes.toByteArray()); // once, on the first buffer or two
      }
    }
    in.close();
    if (format == null) { // a body shorter than the longest signature
      format = formatOf(bytes.toByteArray());
    }
    return new ModelImage.Inline(format.mimeType(), bytes.toByteArray());
  }

  private static ImageFormat formatOf(byte[] head) throws Refusal {
    return ImageFormat.of(head)
        .orElseThrow(() -> new Refusal("its bytes are not " + ImageFormat.NAMES));
  }

  private static String mimeType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  private String reasonFor(Exception e, long deadline) {
    if (e instanceof CheckedDnsResolver.LookupAbandonedException) {
      return tookTooLong(); // or stopped, which the caller tells apart
    }
    if (e instanceof AddressPolicy.RefusedAddressException
        || e instanceof UnknownHostException
        || e instanceof HttpHostConnectException
        || e instanceof ConnectException
        || e instanceof NoRouteToHostException) {
      // One answer for refused, unknown and unreachable hosts: the client learns nothing about
      // the service's network.
      return "its address is not allowed or could not be reached";
    }
    if (e instanceof ConnectTimeoutException
        || e instanceof SocketTimeoutException
        || System.nanoTime() - deadline >= 0) {
      return tookTooLong();
    }
    return "the download failed";
  }

  private String tooLarge() {
    return "it is larger than " + sizeOf(settings.maxBytes());
  }

  private String tookTooLong() {
    return "it took longer than " + settings.timeout().toMillis() / 1000.0 + " s";
  }

  private static String sizeOf(long bytes) {
    long mb = 1024 * 1024;
    return bytes % mb == 0 ? bytes / mb + " MB" : bytes + " bytes";
  }

  private static ImageInputException refused(URI url, URI hop, String reason, Throwable cause) {
    String shown = LlmSettings.redact(url.toString());
    LOG.warn(
        "remote image refused: url={}{}: {}{}",
        shown,
        hop.equals(url) ? "" : " (redirected to " + LlmSettings.redact(hop.toString()) + ")",
        Texts.loggable(reason),
        cause == null ? "" : "; cause: " + Texts.loggable(cause.toString()));
    return new ImageInputException(
        "The image at " + shown + " could not be fetched: " + reason + ".", cause);
  }

  private record Hop(ModelImage.Inline image, URI redirect) {}

  /** Why a hop was refused, in words for the client. */
  private static final class Refusal extends Exception {
    Refusal(String reason) {
      super(reason);
    }

    Refusal(String reason, Throwable cause) {
      super(reason, cause);
    }
  }
}
