package dev.shortlease.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service as an operator runs it, with secrets in {@code DATABASE_URL} and the other secret
 * settings: nothing it prints on the failure paths of a start contains them. (A full run on
 * PostgreSQL: {@link SecretsOnPostgresTest}.)
 */
class SecretsInOutputTest {
  static final String URL_PASSWORD = "Url-Pa55-7fq2";
  static final String PASSWORD = "Env-Pa55-9kd1";
  static final String API_KEY = "sk-Secret-4hv8";

  @Test
  @Timeout(120)
  @DisplayName("a bad DATABASE_URL: the settings error names it without its password")
  void settingsError() throws Exception {
    Map<String, String> env =
        ServiceProcess.baseEnv(
            "jdbc:mysql://svc:" + URL_PASSWORD + "@db/app?password=" + URL_PASSWORD);
    env.put("DATABASE_PASSWORD", PASSWORD);

    ServiceProcess.Exit exit = ServiceProcess.runToExit("secrets-settings", env, true);

    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.output()).contains("DATABASE_URL").contains("password=****");
    assertNoSecret(exit.output());
  }

  @ParameterizedTest(name = "shipped logging: {0}")
  @ValueSource(booleans = {true, false})
  @Timeout(120)
  @DisplayName(
      "an unreachable database: the one-line reason and every log line carry no credential")
  void unreachableDatabase(boolean productionLogging) throws Exception {
    Map<String, String> env =
        ServiceProcess.baseEnv(
            "jdbc:postgresql://127.0.0.1:1/app?user=svc&password="
                + URL_PASSWORD
                + "&connectTimeout=2");
    env.put("DATABASE_PASSWORD", PASSWORD);
    env.put("LLM_PROVIDER", "openai");
    env.put("LLM_API_KEY", API_KEY);
    env.put("DB_CONNECTION_TIMEOUT_MS", "1000");

    ServiceProcess.Exit exit =
        ServiceProcess.runToExit(
            "secrets-unreachable-" + productionLogging, env, productionLogging);

    assertThat(exit.code()).isEqualTo(1);
    assertThat(exit.output()).contains("cannot start: database").contains("password=****");
    assertNoSecret(exit.output());
  }

  static void assertNoSecret(String output) {
    assertThat(output)
        .as("output:%n%s", output)
        .doesNotContain(URL_PASSWORD)
        .doesNotContain(PASSWORD)
        .doesNotContain(API_KEY);
  }
}
