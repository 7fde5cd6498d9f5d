package dev.shortlease.benchmark.springosiv;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The simulated model's timing, from the service's {@code SIMULATED_*} variables (see {@code
 * application.properties}): the first token after {@code timeToFirstToken}, then {@code
 * answerTokens} tokens at {@code tokensPerSecond}.
 */
@ConfigurationProperties("simulated")
public record SimulatedModelProperties(
    Duration timeToFirstToken, double tokensPerSecond, int answerTokens) {}
