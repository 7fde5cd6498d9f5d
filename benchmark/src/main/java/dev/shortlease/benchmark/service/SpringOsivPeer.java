package dev.shortlease.benchmark.service;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Benchmark harness: how the {@code spring-osiv} peer (module {@code benchmark/spring-osiv}) is
 * launched. It serves the service's endpoints, so only its classpath differs: its own, written by
 * its build next to its classes, never the benchmark's (Spring Boot's dependency versions are not
 * the service's).
 */
public final class SpringOsivPeer {

  static final String MAIN_CLASS = "dev.shortlease.benchmark.springosiv.OsivChatApplication";

  private SpringOsivPeer() {}

  /** The peer streaming its chat through {@code response}: {@code emitter} or {@code body}. */
  public static ServiceLaunch launch(String response) {
    return new ServiceLaunch(
        MAIN_CLASS,
        SpringOsivPeer::classpath,
        Map.of("PEER_RESPONSE", response),
        "/health/ready",
        "/metrics",
        true,
        ServiceLaunch.Apps.ADMIN_API);
  }

  /**
   * The peer's classes and its runtime classpath file, found beside the benchmark module's classes
   * on {@code benchmarkClasspath} ({@code …/benchmark/target/classes} → {@code
   * …/benchmark/spring-osiv/target}).
   */
  static String classpath(String benchmarkClasspath) {
    Path target = moduleDir(benchmarkClasspath).resolve("target");
    Path file = target.resolve("runtime-classpath.txt");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "the spring-osiv peer is not built ("
              + file
              + " is missing): ./mvnw -pl benchmark/spring-osiv package -DskipTests"
              + " (benchmark/run.sh builds it)");
    }
    try {
      return target.resolve("classes") + File.pathSeparator + Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path moduleDir(String benchmarkClasspath) {
    Path benchmarkClasses = Path.of("benchmark", "target", "classes");
    for (String entry : benchmarkClasspath.split(File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath().normalize();
      if (path.endsWith(benchmarkClasses)) {
        return path.getParent().getParent().resolve("spring-osiv");
      }
    }
    throw new IllegalStateException(
        "benchmark/target/classes is not on the benchmark's classpath: cannot find the"
            + " spring-osiv peer beside it");
  }
}
