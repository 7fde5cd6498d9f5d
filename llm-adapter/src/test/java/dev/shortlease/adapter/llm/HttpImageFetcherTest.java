package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shortlease.application.port.out.ImageInputException;
import dev.shortlease.application.port.out.ModelImage;
import dev.shortlease.application.port.out.StopSignal;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The image downloader against a local HTTP server. Downloads that should work run with private
 * addresses allowed (the server is on 127.0.0.1); the SSRF refusals run with the default settings,
 * and the server counts every request, so a refusal is shown to have connected nowhere.
 */
@DisplayName("Remote images: downloaded with SSRF defences, size and time limits")
class HttpImageFetcherTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 26, '\n', 1, 2, 3};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
  private static final byte[] SVG =
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes();
  private static final StopSignal NO_STOP = StopSignal.never();
  private static final RemoteImageSettings LOCAL =
      RemoteImageSettings.defaults().withPrivateAddresses(true);

  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch released = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", exchange -> handle(exchange));
    server.start();
  }

  @AfterEach
  void stop() {
    released.countDown();
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String path = exchange.getRequestURI().getPath();
    try (exchange) {
      switch (path) {
        case "/cat.png" -> send(exchange, 200, "image/png; charset=binary", PNG);
        case "/page.html" -> send(exchange, 200, "text/html", "<html>".getBytes());
        case "/untyped" -> send(exchange, 200, null, PNG);
        case "/jpeg-called-png" -> send(exchange, 200, "image/png", JPEG);
        case "/logo.svg" -> send(exchange, 200, "image/svg+xml", SVG);
        case "/svg-called-png" -> send(exchange, 200, "image/png", SVG);
        case "/tiny" -> send(exchange, 200, "image/gif", "GIF8".getBytes());
        case "/endless-html" -> {
          // Not an image from its first bytes on, and never ending: only a check of those first
          // bytes, as they arrive, ends this before the deadline.
          exchange.getResponseHeaders().set("Content-Type", "image/png");
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          out.write("<html><body>".getBytes());
          out.flush();
          await();
        }
        case "/missing.png" -> send(exchange, 404, "text/plain", "no".getBytes());
        case "/hop" -> redirect(exchange, "/cat.png");
        case "/loop" -> redirect(exchange, "/loop");
        case "/to-metadata" -> redirect(exchange, "http://169.254.169.254/latest/meta-data/");
        case "/to-private" -> redirect(exchange, "http://10.0.0.1/x.png");
        case "/to-loopback" ->
            redirect(exchange, "http://[::1]:" + server.getAddress().getPort() + "/cat.png");
        case "/to-file" -> redirect(exchange, "file:///etc/passwd");
        case "/big-announced" -> send(exchange, 200, "image/png", new byte[4096]);
        case "/big-streamed" -> {
          // 4 KB with no length, then a body that never ends: only a cap counted while reading
          // ends this before the deadline.
          exchange.getResponseHeaders().set("Content-Type", "image/png");
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          out.write(PNG);
          out.write(new byte[4096]);
          out.flush();
          await();
        }
        case "/drip" -> {
          exchange.getResponseHeaders().set("Content-Type", "image/png");
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          out.write(PNG);
          out.flush();
          for (int i = 0; i < 100 && released.getCount() > 0; i++) {
            out.write(1);
            out.flush();
            sleep(100);
          }
        }
        default -> send(exchange, 404, "text/plain", new byte[0]);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    if (type != null) {
      exchange.getResponseHeaders().set("Content-Type", type);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  private void await() {
    try {
      released.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  @DisplayName("an image is downloaded with its media type; a redirect is followed")
  void downloadsImages() {
    HttpImageFetcher fetcher = new HttpImageFetcher(LOCAL);

    ModelImage.Inline image = fetcher.fetch(url("/cat.png"), NO_STOP);
    assertThat(image.mimeType()).isEqualTo("image/png");
    assertThat(image.data()).isEqualTo(PNG);
    assertThat(fetcher.fetch(url("/hop"), NO_STOP).data()).isEqualTo(PNG);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "http://127.0.0.1:PORT/cat.png",
        "http://[::1]:PORT/cat.png",
        "http://[::ffff:127.0.0.1]:PORT/cat.png",
        "http://localhost:PORT/cat.png",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/cat.png",
        "http://192.168.0.1/cat.png",
        "http://100.64.0.1/cat.png",
        "http://0.0.0.0:PORT/cat.png"
      })
  @DisplayName("default settings: loopback, private and link-local addresses are refused")
  void refusesPrivateAddresses(String url) {
    HttpImageFetcher fetcher = new HttpImageFetcher(RemoteImageSettings.defaults());
    URI target = URI.create(url.replace("PORT", String.valueOf(server.getAddress().getPort())));

    assertThatThrownBy(() -> fetcher.fetch(target, NO_STOP))
        .isInstanceOf(ImageInputException.class)
        .hasMessageContaining("its address is not allowed")
        .hasRootCauseInstanceOf(AddressPolicy.RefusedAddressException.class);
    assertThat(requests).as("requests that reached the server").hasValue(0);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ftp://127.0.0.1/cat.png", "file:///etc/passwd", "gopher://x.test/"})
  @DisplayName("only http and https URLs are fetched")
  void refusesOtherSchemes(String url) {
    HttpImageFetcher fetcher = new HttpImageFetcher(LOCAL);

    assertThatThrownBy(() -> fetcher.fetch(URI.create(url), NO_STOP))
        .isInstanceOf(ImageInputException.class)
        .hasMessageContaining("only http and https");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/to-metadata", "/to-private", "/to-loopback"})
  @DisplayName("a redirect to a private address is refused: each hop is checked again")
  void refusesRedirectsToPrivateAddresses(String path) {
    InetAddress testServer = server.getAddress().getAddress();
    // The test server stands in for a public host; everything else follows the default policy.
    HttpImageFetcher fetcher =
        new HttpImageFetcher(
            RemoteImageSettings.defaults(),
            address -> address.equals(testServer) || AddressPolicy.isPublic(address));

    assertThatThrownBy(() -> fetcher.fetch(url(path), NO_STOP))
        .isInstanceOf(ImageInputException.class)
        .hasMessageContaining("its address is not allowed")
        .hasRootCauseInstanceOf(AddressPolicy.RefusedAddressException.class);
    assertThat(requests).as("only the first hop reached a server").hasValue(1);
  }

  @Test
  @DisplayName(
      "each hop's stop callback is dropped when the hop ends: a run's signal keeps none of a"
          + " finished, refused or redirected download")
  void hopsReleaseTheirStopCallbacks() {
    HttpImageFetcher fetcher = new HttpImageFetcher(LOCAL);
    StopSignal run = new StopSignal();

    for (int i = 0; i < 20; i++) {
      assertThat(fetcher.fetch(url("/hop"), run).data()).isEqualTo(PNG);
      assertThatThrownBy(() -> fetcher.fetch(url("/loop"), run))
          .hasMessageContaining("redirected more than 3 times");
    }

    assertThat(run.registered()).isZero();
  }

  @Test
  @DisplayName("a redirect to another scheme is refused, and so is a fourth redirect")
  void refusesOtherRedirects() {
    HttpImageFetcher fetcher = new HttpImageFetcher(LOCAL);

    assertThatThrownBy(() -> fetcher.fetch(url("/to-file"), NO_STOP))
        .hasMessageContaining("only http and https");
    assertThatThrownBy(() -> fetcher.fetch(url("/loop"), NO_STOP))
        .isInstanceOf(ImageInputException.class)
        .hasMessageContaining("redirected more than 3 times");
  }

  @Test
  @DisplayName("an answer that is not an image, or not a success, is refused")
  void refusesNonImages() {
    HttpImageFetcher fetcher = new HttpImageFetcher(LOCAL);

    assertThatThrownBy(() -> fetcher.fetch(url("/page.html"), NO_STOP))
        .isInstanceOf(ImageInputException.class)
        .hasMessageContaining("not an image (content type text/html)");
    assertThatThrownBy(() -> fetcher.fetch(url("/untyped"), NO_STOP))
        .hasMessageContaining("not an image (content type none)");
    assertThatThrownBy(() -> fetcher.fetch(url("/missing.png"), NO_STOP))
        .hasMessageContaining("the server answered HTTP 404");
  }

  @Test
  @DisplayName("the media type is the one the bytes show, whatever the server's header says")
  void typeFromTheBytes() {
    HttpImageFetcher fetcher = new HttpImageFetcher(LOCAL);

    ModelImage.Inline image = fetcher.fetch(url("/jpeg-called-png"), NO_STOP);
    assertThat(image.mimeType()).isEqualTo("image/jpeg");
    assertThat(image.data()).isEqualTo(JPEG);
  }

  @Test
  @DisplayName("SVG, by its type or by its bytes, and a body too short for a signature are refused")
  void refusesWhatIsNoRasterImage() {
    HttpImageFetcher fetcher = new HttpImageFetcher(LOCAL);

    assertThatThrownBy(() -> fetcher.fetch(url("/logo.svg"), NO_STOP))
        .isInstanceOf(ImageInputException.class)
        .hasMessageContaining("it is an SVG image, not a PNG, JPEG, GIF or WEBP image");
    assertThatThrownBy(() -> fetcher.fetch(url("/svg-called-png"), NO_STOP))
        .isInstanceOf(ImageInputException.class)
        .hasMessageContaining("its bytes are not a PNG, JPEG, GIF or WEBP image");
    assertThatThrownBy(() -> fetcher.fetch(url("/tiny"), NO_STOP))
        .isInstanceOf(ImageInputException.class)
        .hasMessageContaining("its bytes are not a PNG");
  }

  @Test
  @DisplayName("a body whose first bytes are no image is refused as they arrive, not at the end")
  void refusesOnTheFirstBytes() {
    HttpImageFetcher fetcher = new HttpImageFetcher(LOCAL.withTimeout(Duration.ofSeconds(20)));

    long start = System.nanoTime();
    assertThatThrownBy(() -> fetcher.fetch(url("/endless-html"), NO_STOP))
        .isInstanceOf(ImageInputException.class)
        .hasMessageContaining("its bytes are not a PNG");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("the size cap holds for an announced length and while an endless body streams")
  void capsTheSize() {
    HttpImageFetcher fetcher =
        new HttpImageFetcher(LOCAL.withMaxBytes(1024).withTimeout(Duration.ofSeconds(20)));

    assertThatThrownBy(() -> fetcher.fetch(url("/big-announced"), NO_STOP))
        .isInstanceOf(ImageInputException.class)
        .hasMessageContaining("larger than 1024 bytes");
    long start = System.nanoTime();
    assertThatThrownBy(() -> fetcher.fetch(url("/big-streamed"), NO_STOP))
        .isInstanceOf(ImageInputException.class)
        .hasMessageContaining("larger than 1024 bytes");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("a download that goes on past the deadline is cut there, though bytes keep coming")
  void cutsSlowDownloadsAtTheDeadline() {
    HttpImageFetcher fetcher = new HttpImageFetcher(LOCAL.withTimeout(Duration.ofSeconds(1)));

    long start = System.nanoTime();
    assertThatThrownBy(() -> fetcher.fetch(url("/drip"), NO_STOP))
        .isInstanceOf(ImageInputException.class)
        .hasMessageContaining("took longer than 1.0 s");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
  }

  @Test
  @DisplayName("a stop ends a download in progress at once, long before its deadline")
  void stopEndsTheDownload() {
    HttpImageFetcher fetcher = new HttpImageFetcher(LOCAL.withTimeout(Duration.ofSeconds(30)));
    StopSignal stop = new StopSignal();
    AdapterTimer.after(Duration.ofMillis(300).toNanos(), stop::request);

    long start = System.nanoTime();
    assertThatThrownBy(() -> fetcher.fetch(url("/drip"), stop))
        .isInstanceOf(ImageInputException.class)
        .hasMessageContaining("was not fetched: stopped");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    int before = requests.get();
    assertThatThrownBy(() -> fetcher.fetch(url("/cat.png"), stop)).hasMessageContaining("stopped");
    assertThat(requests).as("a stopped run starts no download").hasValue(before);
  }

  /** A fetcher whose lookup of {@code slow.test} blocks until {@code released}. */
  private static HttpImageFetcher slowLookup(
      RemoteImageSettings settings, CountDownLatch released, CountDownLatch lookingUp) {
    return new HttpImageFetcher(
        settings,
        new CheckedDnsResolver(
            address -> true,
            host -> {
              if (!host.equals("slow.test")) {
                return InetAddress.getAllByName(host);
              }
              lookingUp.countDown();
              try {
                // As a DNS lookup blocks: deaf to cancels and interrupts (bounded for the test).
                released.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return new InetAddress[] {InetAddress.getLoopbackAddress()};
            }));
  }

  @Test
  @DisplayName("a stop ends a download waiting on a name lookup at once; the lookup is abandoned")
  void stopEndsASlowLookup() throws Exception {
    CountDownLatch released = new CountDownLatch(1);
    CountDownLatch lookingUp = new CountDownLatch(1);
    HttpImageFetcher fetcher =
        slowLookup(LOCAL.withTimeout(Duration.ofSeconds(30)), released, lookingUp);
    StopSignal stop = new StopSignal();
    try {
      AdapterTimer.after(Duration.ofMillis(300).toNanos(), stop::request);

      long start = System.nanoTime();
      assertThatThrownBy(() -> fetcher.fetch(URI.create("http://slow.test/cat.png"), stop))
          .isInstanceOf(ImageInputException.class)
          .hasMessageContaining("was not fetched: stopped");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(lookingUp.getCount()).as("the lookup had started").isZero();
      assertThat(stop.registered()).isZero();
    } finally {
      released.countDown();
    }
  }

  @Test
  @DisplayName("the deadline ends a download waiting on a name lookup, as too slow")
  void deadlineEndsASlowLookup() {
    CountDownLatch released = new CountDownLatch(1);
    HttpImageFetcher fetcher =
        slowLookup(LOCAL.withTimeout(Duration.ofSeconds(1)), released, new CountDownLatch(1));
    try {
      long start = System.nanoTime();
      assertThatThrownBy(() -> fetcher.fetch(URI.create("http://slow.test/cat.png"), NO_STOP))
          .isInstanceOf(ImageInputException.class)
          .hasMessageContaining("took longer than 1.0 s");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    } finally {
      released.countDown();
    }
  }

  @Test
  @DisplayName("at the cap of lookups in flight a download starts none, and fails as too slow")
  void lookupsAtTheCapFailAsTooSlow() {
    CountDownLatch released = new CountDownLatch(1);
    AtomicInteger lookups = new AtomicInteger();
    HttpImageFetcher fetcher =
        new HttpImageFetcher(
            LOCAL.withTimeout(Duration.ofSeconds(1)),
            new CheckedDnsResolver(
                address -> true,
                host -> {
                  lookups.incrementAndGet();
                  try {
                    released.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return new InetAddress[] {InetAddress.getLoopbackAddress()};
                },
                1));
    try {
      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.fetch(URI.create("http://slow.test/cat.png"), NO_STOP))
            .isInstanceOf(ImageInputException.class)
            .hasMessageContaining("took longer than 1.0 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      }
      assertThat(lookups).as("only the first download started a lookup").hasValue(1);
    } finally {
      released.countDown();
    }
  }

  @Test
  @DisplayName("the client's message and the log show the URL without credentials or query")
  void redactsTheUrl() {
    HttpImageFetcher fetcher = new HttpImageFetcher(LOCAL);
    URI secret =
        URI.create(
            "http://user:pw@127.0.0.1:" + server.getAddress().getPort() + "/page.html?token=abc");

    assertThatThrownBy(() -> fetcher.fetch(secret, NO_STOP))
        .isInstanceOf(ImageInputException.class)
        .message()
        .doesNotContain("pw")
        .doesNotContain("token=abc")
        .contains("/page.html", "user name or password");
  }
}
