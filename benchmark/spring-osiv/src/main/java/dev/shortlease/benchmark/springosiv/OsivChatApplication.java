package dev.shortlease.benchmark.springosiv;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Benchmark peer: the streaming chat endpoint as most Java teams would write it, a plain Spring
 * Boot application with Spring Data JPA on its defaults, open-session-in-view included. Settings
 * come from the same environment variables as the service's ({@code application.properties}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OsivChatApplication {

  public static void main(String[] args) {
    SpringApplication.run(OsivChatApplication.class, args);
  }
}
