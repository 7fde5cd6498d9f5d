package dev.shortlease.guardrails.rules;

import java.util.List;
import java.util.Objects;

/**
 * A technology an adapter may own: a name for messages and the package prefixes that are it. Every
 * technology in {@link #known()} is confined by {@link HexagonRules}: only the adapters that
 * declare it (and the composition root) may depend on it.
 *
 * @param name what failure messages call it, e.g. {@code "Jackson"}
 * @param packages package prefixes, e.g. {@code "com.fasterxml.jackson"}; a class belongs to the
 *     technology when its package is one of them or lies below one
 */
public record Technology(String name, List<String> packages) {
  /** Jakarta/Javax Persistence and Hibernate ORM (entities, sessions, criteria). */
  public static final Technology JPA =
      of("JPA/Hibernate", "jakarta.persistence", "javax.persistence", "org.hibernate");

  /** Plain JDBC: connections, statements, data sources. */
  public static final Technology JDBC = of("JDBC", "java.sql", "javax.sql");

  /** The HikariCP connection pool. */
  public static final Technology HIKARI = of("HikariCP", "com.zaxxer.hikari");

  /** Flyway schema migrations. */
  public static final Technology FLYWAY = of("Flyway", "org.flywaydb");

  /** The Caffeine cache. */
  public static final Technology CAFFEINE = of("Caffeine", "com.github.benmanes.caffeine");

  /** Micrometer metrics. */
  public static final Technology MICROMETER = of("Micrometer", "io.micrometer");

  /** datasource-proxy (JDBC listeners around a DataSource). */
  public static final Technology DATASOURCE_PROXY = of("datasource-proxy", "net.ttddyy.dsproxy");

  /** Guice dependency injection (jakarta.inject annotations are not Guice). */
  public static final Technology GUICE = of("Guice", "com.google.inject");

  /** Jackson 2 and Jackson 3 JSON. */
  public static final Technology JACKSON = of("Jackson", "com.fasterxml.jackson", "tools.jackson");

  /** The Javalin web framework. */
  public static final Technology JAVALIN = of("Javalin", "io.javalin");

  /** LangChain4j model clients. */
  public static final Technology LANGCHAIN4J = of("LangChain4j", "dev.langchain4j");

  /** OpenTelemetry's API and SDK: tracing belongs where spans are made, not in the hexagon. */
  public static final Technology OPENTELEMETRY = of("OpenTelemetry", "io.opentelemetry");

  private static final List<Technology> KNOWN =
      List.of(
          JPA,
          JDBC,
          HIKARI,
          FLYWAY,
          CAFFEINE,
          MICROMETER,
          DATASOURCE_PROXY,
          GUICE,
          JACKSON,
          JAVALIN,
          LANGCHAIN4J,
          OPENTELEMETRY);

  public Technology {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a technology needs a name");
    }
    packages = List.copyOf(packages);
    if (packages.isEmpty()) {
      throw new IllegalArgumentException("technology " + name + " needs at least one package");
    }
    packages.forEach(Packages::requireName);
  }

  /** A technology of your own, e.g. {@code Technology.of("Kafka", "org.apache.kafka")}. */
  public static Technology of(String name, String... packages) {
    return new Technology(name, List.of(packages));
  }

  /** Every technology the kit knows; each one is confined by default. */
  public static List<Technology> known() {
    return KNOWN;
  }

  /** True when {@code packageName} is one of this technology's packages or lies below one. */
  public boolean contains(String packageName) {
    return packages.stream().anyMatch(prefix -> Packages.within(packageName, prefix));
  }

  /** ArchUnit package identifiers, {@code "prefix.."} each. */
  String[] identifiers() {
    return packages.stream().map(Packages::tree).toArray(String[]::new);
  }

  @Override
  public String toString() {
    return name + " " + packages;
  }
}
