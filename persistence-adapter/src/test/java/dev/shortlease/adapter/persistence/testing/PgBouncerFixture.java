package dev.shortlease.adapter.persistence.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.shortlease.adapter.persistence.PersistenceSettings;
import dev.shortlease.adapter.persistence.PoolerSettings;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Test support: a real PgBouncer (the distribution's {@code pgbouncer} binary) in front of a
 * PostgreSQL test database, for tests of any module. It writes a {@code pgbouncer.ini} into a
 * temporary directory (transaction mode unless told otherwise, trust authentication over a
 * userlist, 127.0.0.1 on a free port, no Unix socket; server connections start in the test
 * database's schema through {@code connect_query}), runs PgBouncer as a child process (in the
 * foreground; as root with {@code -u nobody}, since PgBouncer refuses to run as root), waits until
 * its admin console answers, and stops it on {@link #close()} (or when the JVM exits).
 *
 * <p>Without the binary the calling test is skipped with a notice on the console, except under
 * {@code CI=true}, where it fails ({@code .ci/run} installs the package). Typical use:
 *
 * <pre>{@code
 * PersistenceSettings direct = PostgresTestDatabase.settings();
 * try (PgBouncerFixture bouncer = PgBouncerFixture.builder(direct).poolSize(3).start()) {
 *   PersistenceContext.start(bouncer.settings(), registry); // DATABASE_POOLER=pgbouncer
 *   bouncer.show("POOLS");                                     // cl_waiting, sv_active, ...
 * }
 * }</pre>
 */
public final class PgBouncerFixture implements AutoCloseable {
  /**
   * How every skip reason starts, in the form of the bootstrap's {@code RequiredProgram}: {@code
   * ./shortlease test} repeats such lines on the console.
   */
  public static final String SKIP_NOTICE = "SKIPPING tests that need pgbouncer: ";

  private static final List<Path> KNOWN_PLACES =
      List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"));
  private static final long START_TIMEOUT_MILLIS = 10_000;
  private static boolean announced;

  private final PersistenceSettings direct;
  private final Upstream upstream;
  private final String alias;
  private final String applicationName;
  private final Path dir;
  private final Process process;
  private final int port;
  private final Thread stopAtExit;

  private PgBouncerFixture(
      Builder builder, Upstream upstream, Path dir, Process process, int port, String alias) {
    this.direct = builder.direct;
    this.upstream = upstream;
    this.alias = alias;
    this.applicationName = builder.applicationName;
    this.dir = dir;
    this.process = process;
    this.port = port;
    this.stopAtExit = new Thread(this::stop, "stop-pgbouncer-" + port);
    Runtime.getRuntime().addShutdownHook(stopAtExit);
  }

  /** A PgBouncer in front of the database {@code direct} points at (a jdbc:postgresql: URL). */
  public static Builder builder(PersistenceSettings direct) {
    return new Builder(direct);
  }

  /** What to start; every setting has a default fit for a test. */
  public static final class Builder {
    private final PersistenceSettings direct;
    private String poolMode = "transaction";
    private int poolSize = 5;
    private int maxClientConn = 200;
    private final List<String> ignoredStartupParameters = new ArrayList<>();
    private String applicationName = "pgbouncer-fixture-" + shortId();
    private int queryWaitTimeoutSeconds = 120; // PgBouncer's default

    private Builder(PersistenceSettings direct) {
      if (!direct.jdbcUrl().startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("PgBouncer needs a jdbc:postgresql: database");
      }
      this.direct = direct;
    }

    /** {@code transaction} (default), {@code session} or {@code statement}. */
    public Builder poolMode(String mode) {
      this.poolMode = mode;
      return this;
    }

    /** PgBouncer's {@code default_pool_size}: server connections per database and user. */
    public Builder poolSize(int size) {
      this.poolSize = size;
      return this;
    }

    /** PgBouncer's {@code max_client_conn}. */
    public Builder maxClientConn(int max) {
      this.maxClientConn = max;
      return this;
    }

    /**
     * PgBouncer's {@code ignore_startup_parameters}: accepted from clients, then dropped (e.g.
     * {@code options}, which it otherwise refuses).
     */
    public Builder ignoreStartupParameters(String... names) {
      ignoredStartupParameters.addAll(List.of(names));
      return this;
    }

    /**
     * The {@code ApplicationName} the fixture's URLs carry; PgBouncer passes it on to the server
     * connections, so {@code pg_stat_activity} tells this fixture's backends apart.
     */
    public Builder applicationName(String name) {
      this.applicationName = name;
      return this;
    }

    /** PgBouncer's {@code query_wait_timeout}: a client waiting longer for a server is closed. */
    public Builder queryWaitTimeoutSeconds(int seconds) {
      this.queryWaitTimeoutSeconds = seconds;
      return this;
    }

    /** Starts PgBouncer; skips the calling test (fails under CI) when there is no binary. */
    public PgBouncerFixture start() {
      Path binary = requireBinary(System.getenv(), PgBouncerFixture::announce);
      Upstream upstream = Upstream.of(direct);
      String alias = "shortlease_" + shortId();
      IOException last = null;
      for (int attempt = 0; attempt < 5; attempt++) {
        try {
          PgBouncerFixture started = tryStart(this, binary, upstream, alias);
          if (started != null) {
            return started;
          }
        } catch (IOException e) {
          last = e;
        }
      }
      throw new IllegalStateException("PgBouncer did not start after 5 attempts", last);
    }
  }

  /** The JDBC URL of the pooled database, without {@code ApplicationName}. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:%d/%s?user=%s".formatted(port, alias, upstream.user());
  }

  /**
   * The service's settings through this PgBouncer with {@code DATABASE_POOLER=pgbouncer}: the
   * pooled URL (named {@link #applicationName()}), the test's schema, Flyway straight to
   * PostgreSQL.
   */
  public PersistenceSettings settings() {
    return direct.throughPooler(pooledUrl(), PoolerSettings.pgbouncer(direct.jdbcUrl()));
  }

  /**
   * The same, but without the pooler setting ({@code DATABASE_POOLER=none}): what a service that
   * does not know it is behind PgBouncer would do. Flyway still goes straight to PostgreSQL.
   */
  public PersistenceSettings settingsWithoutPoolerSetting() {
    return direct.throughPooler(
        pooledUrl(), new PoolerSettings(PoolerSettings.Kind.NONE, direct.jdbcUrl()));
  }

  private String pooledUrl() {
    return jdbcUrl() + "&ApplicationName=" + applicationName;
  }

  /** The name PgBouncer's server connections carry in {@code pg_stat_activity}. */
  public String applicationName() {
    return applicationName;
  }

  /** PgBouncer's port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The database name clients use (PgBouncer's alias of the real one). */
  public String databaseAlias() {
    return alias;
  }

  /**
   * One of the admin console's {@code SHOW} commands ({@code POOLS}, {@code STATS}, {@code
   * SERVERS}, {@code CLIENTS}, …), each row as column name to text; {@code POOLS} and {@code STATS}
   * are narrowed to this fixture's database.
   */
  public List<Map<String, String>> show(String what) {
    try {
      return PgBouncerConsole.query(port, upstream.user(), "SHOW " + what).stream()
          .filter(row -> !row.containsKey("database") || alias.equals(row.get("database")))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException("SHOW " + what + " on PgBouncer failed: " + e, e);
    }
  }

  /** This fixture's row of {@code SHOW POOLS} (cl_active, cl_waiting, sv_active, sv_idle, …). */
  public Map<String, String> pool() {
    return show("POOLS").stream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("PgBouncer shows no pool for " + alias));
  }

  /** What PgBouncer has written to its log (stderr) so far. */
  public String log() {
    try {
      return Files.readString(dir.resolve("pgbouncer.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops PgBouncer and removes its directory. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException exiting) {
      // the JVM is already shutting down; the hook does the same
    }
  }

  private synchronized void stop() {
    if (process.isAlive()) {
      process.destroy(); // SIGTERM: PgBouncer closes every connection and exits
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    deleteQuietly(dir);
  }

  /** One start on a random free port; null when the port was taken meanwhile. */
  private static PgBouncerFixture tryStart(
      Builder builder, Path binary, Upstream upstream, String alias) throws IOException {
    int port = freePort();
    Path dir = Files.createTempDirectory("pgbouncer-fixture-");
    Files.writeString(dir.resolve("userlist.txt"), "\"" + upstream.user() + "\" \"\"\n");
    Files.writeString(dir.resolve("pgbouncer.ini"), ini(builder, upstream, alias, port, dir));
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("-u", "nobody")); // "FATAL PgBouncer should not run as root"
    }
    command.add(dir.resolve("pgbouncer.ini").toString());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("pgbouncer.log").toFile())
            .start();
    PgBouncerFixture fixture = new PgBouncerFixture(builder, upstream, dir, process, port, alias);
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        String log = fixture.log();
        fixture.close();
        if (log.contains("Address already in use")) {
          return null;
        }
        throw new IllegalStateException("PgBouncer exited at start:\n" + log);
      }
      try {
        fixture.show("VERSION");
        return fixture;
      } catch (IllegalStateException notYet) {
        sleep(50);
      }
    }
    String log = fixture.log();
    fixture.close();
    throw new IllegalStateException(
        "PgBouncer did not answer within " + START_TIMEOUT_MILLIS + " ms:\n" + log);
  }

  static String ini(Builder b, Upstream upstream, String alias, int port, Path dir) {
    StringBuilder database =
        new StringBuilder(alias)
            .append(" = host=")
            .append(upstream.host())
            .append(" port=")
            .append(upstream.port())
            .append(" dbname=")
            .append(upstream.database())
            .append(" user=")
            .append(upstream.user());
    if (upstream.password() != null && !upstream.password().isEmpty()) {
      database.append(" password=").append(upstream.password());
    }
    if (b.direct.schema() != null) {
      // Every server connection starts in the test's schema, so a service configured only by
      // DATABASE_URL finds its tables (it cannot send currentSchema through PgBouncer).
      database.append(" connect_query='SET search_path TO ").append(b.direct.schema()).append("'");
    }
    return String.join(
        "\n",
        "[databases]",
        database.toString(),
        "",
        "[pgbouncer]",
        "listen_addr = 127.0.0.1",
        "listen_port = " + port,
        "unix_socket_dir =",
        "auth_type = trust",
        "auth_file = " + dir.resolve("userlist.txt"),
        "admin_users = " + upstream.user(),
        "pool_mode = " + b.poolMode,
        "default_pool_size = " + b.poolSize,
        "min_pool_size = 0",
        "reserve_pool_size = 0",
        "max_client_conn = " + b.maxClientConn,
        "query_wait_timeout = " + b.queryWaitTimeoutSeconds,
        "ignore_startup_parameters = " + String.join(",", b.ignoredStartupParameters),
        "log_connections = 0",
        "log_disconnections = 0",
        "");
  }

  /**
   * The binary, or a skip of the calling test after telling {@code console} why; a failure instead
   * under CI. {@code PGBOUNCER} in the environment names another binary.
   */
  static Path requireBinary(Map<String, String> env, Consumer<String> console) {
    return requireBinary(env, console, KNOWN_PLACES);
  }

  static Path requireBinary(
      Map<String, String> env, Consumer<String> console, List<Path> knownPlaces) {
    Path found = find(env, knownPlaces);
    if (found != null) {
      return found;
    }
    String reason =
        "not installed (looked at PGBOUNCER, "
            + knownPlaces.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("")
            + " and PATH; apt-get install pgbouncer, as .ci/run does)";
    if (PostgresTestDatabase.isCi(env)) {
      fail("CI=true but pgbouncer is " + reason);
    }
    console.accept(reason);
    Assumptions.abort(SKIP_NOTICE + reason);
    return null; // not reached
  }

  private static Path find(Map<String, String> env, List<Path> knownPlaces) {
    List<Path> candidates = new ArrayList<>();
    if (env.get("PGBOUNCER") != null && !env.get("PGBOUNCER").isBlank()) {
      candidates.add(Path.of(env.get("PGBOUNCER").strip()));
    }
    candidates.addAll(knownPlaces);
    String path = env.get("PATH");
    if (path != null) {
      for (String entry : path.split(java.io.File.pathSeparator)) {
        if (!entry.isBlank()) {
          candidates.add(Path.of(entry, "pgbouncer"));
        }
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
  }

  /** Once per test JVM, to the process's stderr (Surefire shows it on the console). */
  private static synchronized void announce(String reason) {
    if (announced) {
      return;
    }
    announced = true;
    String module = Path.of(System.getProperty("user.dir")).getFileName().toString();
    @SuppressWarnings("resource") // stderr stays open
    PrintStream console =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    console.println("*** " + SKIP_NOTICE + "(" + module + ") " + reason + " ***");
  }

  /** A port from 20000–60000 that was free a moment ago. */
  private static int freePort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int candidate = ThreadLocalRandom.current().nextInt(20_000, 60_000);
      try (ServerSocket probe = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
        return candidate;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no free port found in 20000-60000");
  }

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while PgBouncer started", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory; nothing depends on it being gone
    }
  }

  /** Where PgBouncer connects: parsed from the direct URL and its settings' credentials. */
  record Upstream(String host, int port, String database, String user, String password) {
    static Upstream of(PersistenceSettings direct) {
      String url = direct.jdbcUrl().substring("jdbc:postgresql://".length());
      int slash = url.indexOf('/');
      String hostPort = slash < 0 ? url : url.substring(0, slash);
      String rest = slash < 0 ? "" : url.substring(slash + 1);
      int question = rest.indexOf('?');
      String database = question < 0 ? rest : rest.substring(0, question);
      Map<String, String> parameters = new LinkedHashMap<>();
      if (question >= 0) {
        for (String pair : rest.substring(question + 1).split("&")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
        }
      }
      int colon = hostPort.lastIndexOf(':');
      String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      int port = colon < 0 ? 5432 : Integer.parseInt(hostPort.substring(colon + 1));
      String user = direct.user() != null ? direct.user() : parameters.get("user");
      if (user == null) {
        user = System.getProperty("user.name");
      }
      String password = direct.password() != null ? direct.password() : parameters.get("password");
      return new Upstream(
          host.isEmpty() ? "127.0.0.1" : host,
          port,
          database.isEmpty() ? user : database,
          user,
          password);
    }
  }
}
