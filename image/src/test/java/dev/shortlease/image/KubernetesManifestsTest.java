package dev.shortlease.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.shortlease.bootstrap.Settings;
import dev.shortlease.bootstrap.SettingsException;
import dev.shortlease.bootstrap.ShortleaseServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s holds examples that no cluster here applies; this keeps them from rotting. They must
 * agree with the image (ports, user, writable places), with the service (probe paths answer 200 on
 * the port each names; every variable is a documented, valid setting) and with the shutdown (the
 * termination grace covers the preStop sleep and {@code SHUTDOWN_GRACE_SECONDS}).
 */
class KubernetesManifestsTest {
  private static final Path DIR = Path.of("..", "deploy", "k8s");
  private static final Path README = Path.of("..", "README.md");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final int USER = Integer.getInteger("image.user", 10001);
  private static final int PORT = Integer.getInteger("image.port", 8080);
  private static final int MANAGEMENT_PORT = Integer.getInteger("image.managementPort", 9090);

  /**
   * docs/reliability.md: keep SHUTDOWN_GRACE_SECONDS at least this far below the orchestrator's.
   */
  private static final int GRACE_MARGIN_SECONDS = 2;

  private static Map<String, JsonNode> manifests;
  private static JsonNode pod;
  private static JsonNode container;

  @BeforeAll
  static void read() throws IOException {
    manifests = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        manifests.put(file.getFileName().toString(), YAML.readTree(file.toFile()));
      }
    }
    pod = kind("Deployment").path("spec").path("template").path("spec");
    container = pod.path("containers").get(0);
  }

  @Test
  @DisplayName("every file is a Kubernetes object, and the kustomization lists each one")
  void filesAreObjectsListedByTheKustomization() {
    Set<String> listed = new TreeSet<>();
    manifests.get("kustomization.yaml").path("resources").forEach(r -> listed.add(r.asText()));
    Set<String> objects = new TreeSet<>(manifests.keySet());
    objects.remove("kustomization.yaml");

    assertThat(listed).isEqualTo(objects);
    for (String file : objects) {
      JsonNode object = manifests.get(file);
      assertThat(object.path("apiVersion").asText()).as(file).isNotBlank();
      assertThat(object.path("kind").asText()).as(file).isNotBlank();
      assertThat(object.path("metadata").path("name").asText()).as(file).isNotBlank();
    }
  }

  @Test
  @DisplayName("the container's ports, user and writable mounts are the image's")
  void containerMatchesTheImage() {
    Map<String, Integer> ports = new HashMap<>();
    container
        .path("ports")
        .forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
    JsonNode security = pod.path("securityContext");
    Set<String> mounts = new TreeSet<>();
    container.path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText()));

    assertThat(ports).isEqualTo(Map.of("http", PORT, "management", MANAGEMENT_PORT));
    assertThat(settings().port()).isEqualTo(PORT);
    assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(security.path("runAsUser").asInt()).isEqualTo(USER);
    assertThat(security.path("runAsGroup").asInt()).isEqualTo(USER);
    assertThat(security.path("fsGroup").asInt()).isEqualTo(USER);
    assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean())
        .isTrue();
    // A read-only root: the JVM's /tmp and the service's data directory must be volumes.
    assertThat(mounts).contains("/tmp", "/app/data");
    Map<String, String> config = configMap();
    assertThat(List.of(config.get("ANSWER_SPOOL_DIR"), config.get("FILES_DIR")))
        .allMatch(dir -> mounts.stream().anyMatch(mount -> dir.startsWith(mount + "/")));
    assertThat(container.path("resources").path("limits").path("memory").asText()).isNotBlank();
    assertThat(container.path("resources").path("requests").path("memory").asText()).isNotBlank();
  }

  @Test
  @DisplayName("each probe's path answers 200 on the port it names, on the real service")
  void probesAnswerOnThePortsTheyName() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("MANAGEMENT_PORT", "0");
    env.put("DATABASE_URL", "jdbc:h2:mem:k8s-probes;DB_CLOSE_DELAY=-1");
    List<String> probes = List.of("startupProbe", "livenessProbe", "readinessProbe");
    try (ShortleaseServer server = ShortleaseServer.start(Settings.fromEnvironment(env))) {
      Map<String, String> base =
          Map.of("http", server.baseUrl(), "management", server.managementUrl());
      HttpClient http = HttpClient.newHttpClient();
      for (String probe : probes) {
        JsonNode get = container.path(probe).path("httpGet");
        String path = get.path("path").asText();
        String url = base.get(get.path("port").asText()) + path;
        HttpResponse<Void> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).as(probe + " " + url).isEqualTo(200);
      }
    }
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/health/ready");
    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/health/live");
  }

  @Test
  @DisplayName("the termination grace covers the preStop sleep and the service's whole shutdown")
  void terminationGraceCoversTheShutdown() {
    int terminationGrace = pod.path("terminationGracePeriodSeconds").asInt(30);
    int preStop = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asInt();
    long shutdown = settings().shutdownGrace().toSeconds();

    assertThat(preStop).as("preStop sleep").isPositive();
    assertThat(preStop + shutdown + GRACE_MARGIN_SECONDS)
        .as(
            "preStop %d s + SHUTDOWN_GRACE_SECONDS %d s + %d s",
            preStop, shutdown, GRACE_MARGIN_SECONDS)
        .isLessThanOrEqualTo(terminationGrace);
    // The last 5 s stop and save; a grace above them leaves streams time to finish on their own.
    assertThat(shutdown).isGreaterThan(5);
  }

  @Test
  @DisplayName("the Secret's admin token as shipped stops the start, so it cannot reach production")
  void placeholderAdminTokenStopsTheStart() {
    Map<String, String> env = new HashMap<>(configMap());
    env.putAll(secret());

    assertThatThrownBy(() -> Settings.fromEnvironment(env))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("ADMIN_TOKEN");
  }

  @Test
  @DisplayName("the ConfigMap and Secret make valid settings, and every variable is documented")
  void variablesAreDocumentedValidSettings() throws IOException {
    Set<String> documented = documentedSettings();
    Set<String> used = new TreeSet<>(configMap().keySet());
    used.addAll(secret().keySet());
    container.path("env").forEach(e -> used.add(e.path("name").asText()));

    assertThatCode(KubernetesManifestsTest::settings).doesNotThrowAnyException();
    assertThat(used).as("documented settings (README, Configuration)").isSubsetOf(documented);
    // Every secret reference names a key the Secret has.
    container
        .path("env")
        .forEach(
            e -> {
              JsonNode ref = e.path("valueFrom").path("secretKeyRef");
              if (!ref.isMissingNode()) {
                assertThat(ref.path("name").asText())
                    .isEqualTo(kind("Secret").path("metadata").path("name").asText());
                assertThat(secret()).containsKey(ref.path("key").asText());
              }
            });
    assertThat(container.path("envFrom").get(0).path("configMapRef").path("name").asText())
        .isEqualTo(kind("ConfigMap").path("metadata").path("name").asText());
  }

  @Test
  @DisplayName("Service, PodDisruptionBudget and autoscaler select the Deployment's pods")
  void selectorsMatchThePods() {
    JsonNode labels =
        kind("Deployment").path("spec").path("template").path("metadata").path("labels");
    JsonNode service = kind("Service");
    JsonNode budget = kind("PodDisruptionBudget");
    JsonNode autoscaler = kind("HorizontalPodAutoscaler");
    Set<String> portNames = new TreeSet<>();
    container.path("ports").forEach(p -> portNames.add(p.path("name").asText()));

    assertThat(matches(service.path("spec").path("selector"), labels)).isTrue();
    service
        .path("spec")
        .path("ports")
        .forEach(p -> assertThat(portNames).contains(p.path("targetPort").asText()));
    assertThat(matches(budget.path("spec").path("selector").path("matchLabels"), labels)).isTrue();
    assertThat(autoscaler.path("spec").path("scaleTargetRef").path("name").asText())
        .isEqualTo(kind("Deployment").path("metadata").path("name").asText());
    // A budget of one unavailable pod still lets a drain proceed with the smallest replica count.
    assertThat(autoscaler.path("spec").path("minReplicas").asInt()).isGreaterThan(1);
  }

  private static boolean matches(JsonNode selector, JsonNode labels) {
    List<Boolean> each = new ArrayList<>();
    selector.fields().forEachRemaining(e -> each.add(e.getValue().equals(labels.get(e.getKey()))));
    return !each.isEmpty() && !each.contains(false);
  }

  private static JsonNode kind(String kind) {
    return manifests.values().stream()
        .filter(m -> m.path("kind").asText().equals(kind))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in " + DIR));
  }

  private static Map<String, String> configMap() {
    return strings(kind("ConfigMap").path("data"));
  }

  private static Map<String, String> secret() {
    return strings(kind("Secret").path("stringData"));
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> values = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
    return values;
  }

  /**
   * What the pod's environment makes of the ConfigMap and the Secret, once its admin token is
   * replaced as its comment says (the placeholder itself stops the start: {@code
   * placeholderAdminTokenStopsTheStart}).
   */
  private static Settings settings() {
    Map<String, String> env = new HashMap<>(configMap());
    env.putAll(secret());
    env.put("ADMIN_TOKEN", "a-random-token-of-32-characters!");
    return Settings.fromEnvironment(env);
  }

  /** The names in README's configuration table (first column). */
  private static Set<String> documentedSettings() throws IOException {
    Pattern row = Pattern.compile("^\\| (`[A-Z0-9_]+`(?: / `[A-Z0-9_]+`)*) \\|");
    Pattern name = Pattern.compile("`([A-Z0-9_]+)`");
    Set<String> names = new TreeSet<>();
    for (String line : Files.readAllLines(README)) {
      Matcher m = row.matcher(line);
      if (m.find()) {
        Matcher each = name.matcher(m.group(1));
        while (each.find()) {
          names.add(each.group(1));
        }
      }
    }
    return names;
  }
}
