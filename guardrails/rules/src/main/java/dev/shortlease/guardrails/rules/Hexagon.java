package dev.shortlease.guardrails.rules;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The description of one hexagonal service: its root package, rings, ports, adapters and the
 * technologies each adapter owns, its long-call ports and what runs inside a transaction. {@link
 * HexagonRules#of(Hexagon)} turns it into ArchUnit rules; a rule about a part the service lacks (no
 * web adapter, no long-call port) is simply not produced.
 *
 * <pre>{@code
 * Hexagon hexagon = Hexagon.describe("com.example.ticketing")
 *     .adapter("persistence", "adapter.persistence", Technology.JPA, Technology.JDBC)
 *     .adapter("web", "adapter.web", Technology.JAVALIN, Technology.JACKSON)
 *     .longCallPorts(LongCall.class)
 *     .transactionCallbacks("com.example.ticketing.adapter.persistence.SessionScope")
 *     .build();
 * }</pre>
 *
 * Package names given to the builder are relative to the root ({@code "adapter.web"} means {@code
 * com.example.ticketing.adapter.web}); class and annotation names are fully qualified.
 */
public final class Hexagon {
  /** The entity annotations of Jakarta and Javax Persistence. */
  public static final List<String> PERSISTENCE_ANNOTATIONS =
      List.of(
          "jakarta.persistence.Entity",
          "jakarta.persistence.Embeddable",
          "jakarta.persistence.MappedSuperclass",
          "javax.persistence.Entity",
          "javax.persistence.Embeddable",
          "javax.persistence.MappedSuperclass");

  /** The usual "this method runs in a transaction" annotations (Jakarta, Javax, Spring). */
  public static final List<String> COMMON_TRANSACTIONAL =
      List.of(
          "jakarta.transaction.Transactional",
          "javax.transaction.Transactional",
          "org.springframework.transaction.annotation.Transactional");

  /** An adapter: its name, its package, and the technologies it may use. */
  public record Adapter(String name, String packageName, List<Technology> technologies) {
    public Adapter {
      Objects.requireNonNull(name, "name");
      Packages.requireName(packageName);
      technologies = List.copyOf(technologies);
    }
  }

  /**
   * The split of outbound ports: the ports in {@code packageName} are persistence ports that only
   * the adapter {@code adapterName} implements; long-call ports live in the other out-port
   * packages.
   */
  public record PersistencePorts(String packageName, String adapterName) {}

  /** Simple-name suffixes the naming rules enforce; an empty suffix is not checked. */
  public record Naming(
      Optional<String> useCase, Optional<String> outPort, Optional<String> adapter) {}

  private final String root;
  private final Optional<String> domain;
  private final Optional<String> application;
  private final List<String> inPorts;
  private final List<String> outPorts;
  private final Optional<PersistencePorts> persistencePorts;
  private final List<Adapter> adapters;
  private final Optional<String> composition;
  private final List<String> longCallAnnotations;
  private final List<String> longCallPackages;
  private final List<String> longCallLibraryTypes;
  private final List<String> transactionCallbacks;
  private final List<String> transactionalAnnotations;
  private final Optional<List<String>> entityAnnotations;
  private final Set<String> portValues;
  private final Set<String> handles;
  private final List<Technology> confined;
  private final List<String> domainMayUse;
  private final List<String> applicationMayUse;
  private final Naming naming;
  private final List<String> adapterVocabulary;
  private final boolean uniqueClassNames;

  private Hexagon(Builder b) {
    this.root = b.root;
    this.domain = b.domain.map(this::absolute);
    this.application = b.application.map(this::absolute);
    this.inPorts = b.inPorts.stream().map(this::absolute).toList();
    List<String> out = new ArrayList<>(b.outPorts.stream().map(this::absolute).toList());
    this.persistencePorts =
        b.persistencePorts.map(
            p -> new PersistencePorts(absolute(p.packageName()), p.adapterName()));
    persistencePorts.ifPresent(p -> out.add(p.packageName()));
    this.outPorts = List.copyOf(new LinkedHashSet<>(out));
    this.adapters =
        b.adapters.values().stream()
            .map(a -> new Adapter(a.name(), absolute(a.packageName()), a.technologies()))
            .toList();
    this.composition = b.composition.map(this::absolute);
    this.longCallAnnotations = List.copyOf(b.longCallAnnotations);
    this.longCallPackages = b.longCallPackages.stream().map(this::absolute).toList();
    this.longCallLibraryTypes = List.copyOf(b.longCallLibraryTypes);
    this.transactionCallbacks = List.copyOf(b.transactionCallbacks);
    // Long calls with no transaction marker named would drop the long-call rule without a word; a
    // Spring service names none, and its @Transactional is exactly what the rule must see.
    boolean assumed =
        b.transactionCallbacks.isEmpty()
            && b.transactionalAnnotations.isEmpty()
            && !(b.longCallAnnotations.isEmpty()
                && b.longCallPackages.isEmpty()
                && b.longCallLibraryTypes.isEmpty());
    this.transactionalAnnotations =
        assumed ? COMMON_TRANSACTIONAL : List.copyOf(b.transactionalAnnotations);
    this.entityAnnotations = b.entityAnnotations.map(List::copyOf);
    this.portValues = Set.copyOf(b.portValues);
    this.handles = Set.copyOf(b.handles);
    LinkedHashSet<Technology> technologies = new LinkedHashSet<>(b.confined);
    adapters.forEach(a -> technologies.addAll(a.technologies()));
    this.confined = List.copyOf(technologies);
    this.domainMayUse = List.copyOf(b.domainMayUse);
    this.applicationMayUse = List.copyOf(b.applicationMayUse);
    this.naming = new Naming(b.useCaseSuffix, b.outPortSuffix, b.adapterSuffix);
    this.adapterVocabulary = List.copyOf(b.adapterVocabulary);
    this.uniqueClassNames = b.uniqueClassNames;
    persistencePorts.ifPresent(
        p -> {
          if (adapter(p.adapterName()).isEmpty()) {
            throw new IllegalArgumentException(
                "persistencePorts names adapter "
                    + p.adapterName()
                    + " but the hexagon has "
                    + adapters.stream().map(Adapter::name).toList());
          }
        });
  }

  /** Starts the description of the hexagon under {@code rootPackage}, e.g. {@code "com.acme"}. */
  public static Builder describe(String rootPackage) {
    return new Builder(rootPackage);
  }

  private String absolute(String relative) {
    return root + "." + relative;
  }

  public String root() {
    return root;
  }

  public Optional<String> domain() {
    return domain;
  }

  public Optional<String> application() {
    return application;
  }

  public List<String> inPorts() {
    return inPorts;
  }

  /** Every out-port package, the persistence-port package included. */
  public List<String> outPorts() {
    return outPorts;
  }

  public Optional<PersistencePorts> persistencePorts() {
    return persistencePorts;
  }

  public List<Adapter> adapters() {
    return adapters;
  }

  public Optional<Adapter> adapter(String name) {
    return adapters.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public Optional<String> composition() {
    return composition;
  }

  public List<String> longCallAnnotations() {
    return longCallAnnotations;
  }

  public List<String> longCallPackages() {
    return longCallPackages;
  }

  /** Library types (outside the root) whose calls are long calls, by fully qualified name. */
  public List<String> longCallLibraryTypes() {
    return longCallLibraryTypes;
  }

  /** True when some outbound ports are marked as long-call ports. */
  public boolean hasLongCallPorts() {
    return !longCallAnnotations.isEmpty() || !longCallPackages.isEmpty();
  }

  /** True when anything counts as a long call: the service's own ports or library types. */
  public boolean hasLongCalls() {
    return hasLongCallPorts() || !longCallLibraryTypes.isEmpty();
  }

  public List<String> transactionCallbacks() {
    return transactionCallbacks;
  }

  public List<String> transactionalAnnotations() {
    return transactionalAnnotations;
  }

  /** The entity annotations; present when set or when an adapter owns {@link Technology#JPA}. */
  public Optional<List<String>> entityAnnotations() {
    if (entityAnnotations.isPresent()) {
      return entityAnnotations;
    }
    boolean jpa = adapters.stream().anyMatch(a -> a.technologies().contains(Technology.JPA));
    return jpa ? Optional.of(PERSISTENCE_ANNOTATIONS) : Optional.empty();
  }

  /** Classes allowed in port signatures beyond the built-in values. */
  public Set<String> portValues() {
    return portValues;
  }

  /** Interfaces accepted on purpose in port signatures: live handles and callbacks. */
  public Set<String> handles() {
    return handles;
  }

  /** Every technology that is confined: the known ones, any added, and every adapter's. */
  public List<Technology> confinedTechnologies() {
    return confined;
  }

  public List<String> domainMayUse() {
    return domainMayUse;
  }

  public List<String> applicationMayUse() {
    return applicationMayUse;
  }

  public Naming naming() {
    return naming;
  }

  /** True when no two top-level classes of the hexagon may share a simple name. */
  public boolean uniqueClassNames() {
    return uniqueClassNames;
  }

  /** Words that may name things in adapters and the composition root only. */
  public List<String> adapterVocabulary() {
    return adapterVocabulary;
  }

  /** Packages that make up the port ring of the application (in- and out-ports inside it). */
  List<String> applicationPortPackages() {
    List<String> ports = new ArrayList<>(inPorts);
    ports.addAll(outPorts);
    return application
        .map(app -> ports.stream().filter(p -> Packages.within(p, app)).toList())
        .orElse(List.of());
  }

  /** Packages whose records, enums and sealed interfaces are values in port signatures. */
  List<String> valueSources() {
    List<String> sources = new ArrayList<>();
    domain.ifPresent(sources::add);
    sources.addAll(inPorts);
    sources.addAll(outPorts);
    return List.copyOf(new LinkedHashSet<>(sources));
  }

  @Override
  public String toString() {
    return "hexagon " + root;
  }

  /** Fluent description; every part has a sensible default or is absent until named. */
  public static final class Builder {
    private final String root;
    private Optional<String> domain = Optional.of("domain");
    private Optional<String> application = Optional.of("application");
    private List<String> inPorts = List.of("application.port.in");
    private List<String> outPorts = List.of("application.port.out");
    private Optional<PersistencePorts> persistencePorts = Optional.empty();
    private final Map<String, Adapter> adapters = new LinkedHashMap<>();
    private Optional<String> composition = Optional.of("bootstrap");
    private final List<String> longCallAnnotations = new ArrayList<>();
    private final List<String> longCallPackages = new ArrayList<>();
    private final List<String> longCallLibraryTypes = new ArrayList<>();
    private final List<String> transactionCallbacks = new ArrayList<>();
    private final List<String> transactionalAnnotations = new ArrayList<>();
    private Optional<List<String>> entityAnnotations = Optional.empty();
    private final Set<String> portValues = new LinkedHashSet<>();
    private final Set<String> handles = new LinkedHashSet<>();
    private final List<Technology> confined = new ArrayList<>(Technology.known());
    private final List<String> domainMayUse = new ArrayList<>();
    private final List<String> applicationMayUse = new ArrayList<>();
    private Optional<String> useCaseSuffix = Optional.empty();
    private Optional<String> outPortSuffix = Optional.empty();
    private Optional<String> adapterSuffix = Optional.empty();
    private final List<String> adapterVocabulary = new ArrayList<>();
    private boolean uniqueClassNames;

    private Builder(String root) {
      this.root = Packages.requireName(root);
    }

    /** The domain ring (default {@code "domain"}): it may depend on {@code java.*} only. */
    public Builder domain(String pkg) {
      this.domain = Optional.of(relative(pkg));
      return this;
    }

    /** The service has no domain ring of its own. */
    public Builder noDomain() {
      this.domain = Optional.empty();
      return this;
    }

    /** The application ring (default {@code "application"}). */
    public Builder application(String pkg) {
      this.application = Optional.of(relative(pkg));
      return this;
    }

    /** The inbound-port packages (default {@code "application.port.in"}); replaces the default. */
    public Builder inPorts(String... packages) {
      this.inPorts = relatives(packages);
      return this;
    }

    /** The service has no inbound ports (say, a batch job driven by its composition root). */
    public Builder noInPorts() {
      this.inPorts = List.of();
      return this;
    }

    /**
     * The outbound-port packages (default {@code "application.port.out"}); replaces the default.
     * Several are allowed; to keep persistence ports apart, see {@link #persistencePorts}.
     */
    public Builder outPorts(String... packages) {
      this.outPorts = relatives(packages);
      return this;
    }

    /** The service has no outbound ports besides any {@link #persistencePorts}. */
    public Builder noOutPorts() {
      this.outPorts = List.of();
      return this;
    }

    /**
     * An explicit split of the outbound ports: {@code pkg} (say {@code "domain.port"}) holds the
     * persistence ports, which only adapter {@code adapterName} implements and which are never
     * long-call ports; long-call ports (model, remote services) live in the other out-port
     * packages. {@code pkg} counts as an out-port package for every other rule.
     */
    public Builder persistencePorts(String pkg, String adapterName) {
      this.persistencePorts =
          Optional.of(new PersistencePorts(relative(pkg), Objects.requireNonNull(adapterName)));
      return this;
    }

    /**
     * An adapter named {@code name} in {@code pkg} (relative) that may use {@code technologies};
     * several adapters may share a technology (both use Jackson, say).
     */
    public Builder adapter(String name, String pkg, Technology... technologies) {
      if (adapters.containsKey(name)) {
        throw new IllegalArgumentException("adapter " + name + " is described twice");
      }
      adapters.put(name, new Adapter(name, relative(pkg), Arrays.asList(technologies)));
      return this;
    }

    /** The composition root (default {@code "bootstrap"}): it may use every technology. */
    public Builder composition(String pkg) {
      this.composition = Optional.of(relative(pkg));
      return this;
    }

    /** The service has no composition package (a framework wires it). */
    public Builder noComposition() {
      this.composition = Optional.empty();
      return this;
    }

    /**
     * Ports annotated with {@code annotation} are long-call ports (calls that may take seconds).
     */
    public Builder longCallPorts(Class<? extends Annotation> annotation) {
      return longCallPorts(annotation.getName());
    }

    /** Ports annotated with the annotation of this fully qualified name are long-call ports. */
    public Builder longCallPorts(String annotationName) {
      longCallAnnotations.add(requireClassName(annotationName));
      return this;
    }

    /** Every interface in these (relative) packages is a long-call port. */
    public Builder longCallPortsIn(String... packages) {
      longCallPackages.addAll(relatives(packages));
      return this;
    }

    /**
     * Library types whose calls are long calls, for the static rule: a call through one of them, or
     * through a subtype, inside a transaction is a violation. For code that calls a client it does
     * not own, such as {@code "java.net.http.HttpClient"} or LangChain4j's {@code
     * "dev.langchain4j.model.chat.ChatModel"}, which no annotation of the service can mark. Fully
     * qualified names outside the root; a type of the service itself is marked with {@link
     * #longCallPorts(String)} instead.
     */
    public Builder alsoLongCalls(String... classNames) {
      for (String name : classNames) {
        requireClassName(name);
        if (name.startsWith(root + ".")) {
          throw new IllegalArgumentException(
              name
                  + " lies under the root "
                  + root
                  + ": mark the service's own long calls with longCallPorts(annotation) or"
                  + " longCallPortsIn(package); alsoLongCalls is for library types");
        }
        longCallLibraryTypes.add(name);
      }
      return this;
    }

    /** As {@link #alsoLongCalls(String...)}, for types the test can see. */
    public Builder alsoLongCalls(Class<?>... types) {
      return alsoLongCalls(Arrays.stream(types).map(Class::getName).toArray(String[]::new));
    }

    /**
     * Classes whose methods take a lambda that runs inside a transaction (a {@code SessionScope},
     * {@code TransactionTemplate}, {@code jdbi.inTransaction}); fully qualified names.
     */
    public Builder transactionCallbacks(String... classNames) {
      Arrays.stream(classNames).map(Builder::requireClassName).forEach(transactionCallbacks::add);
      return this;
    }

    /** As {@link #transactionCallbacks(String...)}, for classes the test can see. */
    public Builder transactionCallbacks(Class<?>... classes) {
      Arrays.stream(classes).map(Class::getName).forEach(transactionCallbacks::add);
      return this;
    }

    /**
     * Methods annotated with one of these annotations (or declared in a class annotated with one)
     * run inside a transaction. Without arguments: {@link #COMMON_TRANSACTIONAL}. When neither this
     * nor {@link #transactionCallbacks} is called and the service has long calls, {@link
     * #COMMON_TRANSACTIONAL} is assumed.
     */
    public Builder transactionalMethods(String... annotationNames) {
      List<String> names =
          annotationNames.length == 0 ? COMMON_TRANSACTIONAL : Arrays.asList(annotationNames);
      names.stream().map(Builder::requireClassName).forEach(transactionalAnnotations::add);
      return this;
    }

    /**
     * The annotations that make a class an entity (default {@link #PERSISTENCE_ANNOTATIONS} when an
     * adapter owns {@link Technology#JPA}); replaces the default.
     */
    public Builder entityAnnotations(String... annotationNames) {
      this.entityAnnotations =
          Optional.of(Arrays.stream(annotationNames).map(Builder::requireClassName).toList());
      return this;
    }

    /** More classes allowed in port signatures (fully qualified), e.g. a cancellation flag. */
    public Builder portValues(String... classNames) {
      Arrays.stream(classNames).map(Builder::requireClassName).forEach(portValues::add);
      return this;
    }

    /**
     * Interfaces accepted on purpose in port signatures although they are not values: a live handle
     * an in-port returns (a running chat) or a callback an out-port takes (a token sink).
     */
    public Builder handles(String... interfaceNames) {
      Arrays.stream(interfaceNames).map(Builder::requireClassName).forEach(handles::add);
      return this;
    }

    /** Confine more technologies than {@link Technology#known()}. */
    public Builder confine(Technology... technologies) {
      confined.addAll(Arrays.asList(technologies));
      return this;
    }

    /**
     * Packages (absolute, ArchUnit syntax such as {@code "org.jmolecules.."}) the domain may use.
     */
    public Builder domainMayUse(String... packageIdentifiers) {
      domainMayUse.addAll(Arrays.asList(packageIdentifiers));
      return this;
    }

    /** Packages (absolute, ArchUnit syntax) the application may use besides the domain. */
    public Builder applicationMayUse(String... packageIdentifiers) {
      applicationMayUse.addAll(Arrays.asList(packageIdentifiers));
      return this;
    }

    /** Inbound-port interfaces are named {@code *suffix} (handles and values excepted). */
    public Builder useCasesNamed(String suffix) {
      this.useCaseSuffix = Optional.of(suffix);
      return this;
    }

    /** Outbound-port interfaces are named {@code *suffix} (handles and values excepted). */
    public Builder outPortsNamed(String suffix) {
      this.outPortSuffix = Optional.of(suffix);
      return this;
    }

    /** Adapter classes that implement an outbound port are named {@code *suffix}. */
    public Builder adaptersNamed(String suffix) {
      this.adapterSuffix = Optional.of(suffix);
      return this;
    }

    /** {@code *UseCase}, {@code *Port}, {@code *Adapter}. */
    public Builder conventionalNames() {
      return useCasesNamed("UseCase").outPortsNamed("Port").adaptersNamed("Adapter");
    }

    /**
     * Words of a protocol or format ({@code "wire"}, {@code "json"}, {@code "http"}, a vendor's
     * name) that no class, method or field of the domain or application may be named with:
     * translating them is the adapters' job.
     */
    public Builder adapterVocabulary(String... words) {
      for (String word : words) {
        if (word == null || !word.matches("[A-Za-z0-9]+")) {
          throw new IllegalArgumentException("not a single word: " + word);
        }
        adapterVocabulary.add(word);
      }
      return this;
    }

    /**
     * No two top-level classes of the hexagon share a simple name: two {@code JsonText}s in two
     * rings are usually one concept written twice.
     */
    public Builder uniqueClassNames() {
      this.uniqueClassNames = true;
      return this;
    }

    public Hexagon build() {
      return new Hexagon(this);
    }

    private String relative(String pkg) {
      if (pkg == null || pkg.isBlank()) {
        // naive code keeps its main class in the root package; the root cannot be one part
        throw new IllegalArgumentException(
            "\""
                + pkg
                + "\" is not a package below the root "
                + root
                + ": every part lives in a package of its own below it (e.g. \"bootstrap\");"
                + " move classes of the root package itself, such as a main class, into one");
      }
      Packages.requireName(pkg);
      if (pkg.equals(root) || pkg.startsWith(root + ".")) {
        throw new IllegalArgumentException(
            "give packages relative to the root " + root + ", not " + pkg);
      }
      return pkg;
    }

    private List<String> relatives(String... packages) {
      return Arrays.stream(packages).map(this::relative).toList();
    }

    private static String requireClassName(String name) {
      if (name == null || !name.contains(".")) {
        throw new IllegalArgumentException("not a fully qualified class name: " + name);
      }
      return Packages.requireName(name);
    }
  }
}
