package dev.shortlease.adapter.persistence.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.shortlease.adapter.persistence.PersistenceSettings;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * Test support: a PostgreSQL schema of this test JVM's own, for tests of any module (each annotated
 * {@link PostgresTest}).
 *
 * <p>PostgreSQL is found via env {@code TEST_DATABASE_URL}, else started with Testcontainers when
 * Docker is available, else the calling test is skipped with a notice on the console — except when
 * env {@code CI=true}, where it fails. The schema is created on first use (Flyway migrates it when
 * a {@code PersistenceContext} starts) and dropped when the JVM exits, so parallel builds sharing
 * one server and repeated runs never see each other's rows.
 */
public final class PostgresTestDatabase {
  /** How every skip reason starts: {@code ./shortlease test} counts skipped tests by it. */
  public static final String SKIP_NOTICE = "SKIPPING PostgreSQL tests: ";

  private static final String EXAMPLE_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static PersistenceSettings settings;
  private static String unavailable;
  private static boolean announced;

  private PostgresTestDatabase() {}

  /** Settings pointing at this JVM's schema; aborts (or, under CI, fails) the test without one. */
  public static synchronized PersistenceSettings settings() {
    requireTaggedCaller();
    if (settings == null && unavailable == null) {
      Plan plan = plan(System.getenv(), PostgresTestDatabase::dockerAvailable);
      switch (plan.kind()) {
        case URL -> settings = withOwnSchema(plan.url(), null, null);
        case CONTAINER -> settings = withTestcontainers(Containers::start);
        case NONE -> unavailable = plan.reason();
      }
      if (settings == null && unavailable == null) {
        unavailable = Containers.failure;
      }
    }
    if (settings == null) {
      if (isCi(System.getenv())) {
        fail("CI=true but " + unavailable + " (set TEST_DATABASE_URL, e.g. " + EXAMPLE_URL + ")");
      }
      announce(unavailable);
      Assumptions.abort(SKIP_NOTICE + unavailable);
    }
    return settings;
  }

  /** What to do, from the environment alone: use a URL, start a container, or skip. */
  static Plan plan(Map<String, String> env, Supplier<Boolean> dockerAvailable) {
    String url = env.get("TEST_DATABASE_URL");
    if (url != null && !url.isBlank()) {
      return new Plan(PlanKind.URL, url.strip(), null);
    }
    if (dockerAvailable.get()) {
      return new Plan(PlanKind.CONTAINER, null, null);
    }
    return new Plan(
        PlanKind.NONE,
        null,
        "TEST_DATABASE_URL is not set and Docker is not available"
            + (isCi(env) ? "" : "; set TEST_DATABASE_URL=" + EXAMPLE_URL + " to run them"));
  }

  enum PlanKind {
    URL,
    CONTAINER,
    NONE
  }

  record Plan(PlanKind kind, String url, String reason) {}

  private static boolean dockerAvailable() {
    return withTestcontainers(Containers::dockerAvailable);
  }

  /** Runs {@code step}; a missing Testcontainers becomes a message that says what to add. */
  private static <T> T withTestcontainers(Supplier<T> step) {
    try {
      return step.get();
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException(
          "Testcontainers is not on this module's test class path: declare"
              + " org.testcontainers:testcontainers-postgresql with <scope>test</scope> in its"
              + " pom.xml (a test-jar does not bring its module's test dependencies)",
          e);
    }
  }

  static boolean isCi(Map<String, String> env) {
    return "true".equalsIgnoreCase(env.get("CI"));
  }

  /**
   * Once per test JVM, straight to the process's stderr: Surefire redirects {@code System.err} of
   * tests to files ({@code redirectTestOutputToFile}), but copies the fork's own stderr to the
   * console, so this line is what a newcomer sees beside {@code Skipped: N}.
   */
  private static void announce(String reason) {
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

  /** Fails fast when the calling test class is not marked {@link PostgresTest}. */
  private static void requireTaggedCaller() {
    boolean tagged =
        StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
            .walk(frames -> frames.anyMatch(frame -> isTagged(frame.getDeclaringClass())));
    if (!tagged) {
      throw new IllegalStateException(
          "a test that uses PostgresTestDatabase must be annotated @PostgresTest"
              + " (CI's run without a database selects PostgreSQL tests by that tag)");
    }
  }

  private static boolean isTagged(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (c.isAnnotationPresent(PostgresTest.class)) {
        return true;
      }
    }
    return false;
  }

  static PersistenceSettings withOwnSchema(String url, String user, String password) {
    String schema =
        "test_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 16)
                .toLowerCase(Locale.ROOT);
    createSchema(url, user, password, schema);
    String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return PersistenceSettings.of(schemaUrl, user, password).withSchema(schema);
  }

  private static void createSchema(String url, String user, String password, String schema) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("create schema " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test schema on " + url, e);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Connection connection = DriverManager.getConnection(url, user, password);
                      Statement statement = connection.createStatement()) {
                    statement.execute("drop schema if exists " + schema + " cascade");
                  } catch (SQLException e) {
                    System.err.println("could not drop test schema " + schema + ": " + e);
                  }
                },
                "drop-" + schema));
  }
}
