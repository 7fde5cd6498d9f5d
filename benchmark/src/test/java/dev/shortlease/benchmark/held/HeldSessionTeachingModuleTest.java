package dev.shortlease.benchmark.held;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.spi.Elements;
import com.google.inject.spi.LinkedKeyBinding;
import com.google.inject.util.Modules;
import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.chat.AdmissionGate;
import dev.shortlease.application.port.in.AdmitChatUseCase;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HeldSessionTeachingModuleTest {

  @Test
  @DisplayName("held requests go straight to the pool: the module replaces the admission line")
  void heldModuleReplacesTheAdmissionLine() throws Exception {
    LinkedKeyBinding<?> admission =
        Elements.getElements(new HeldSessionTeachingModule()).stream()
            .filter(LinkedKeyBinding.class::isInstance)
            .map(LinkedKeyBinding.class::cast)
            .filter(b -> b.getKey().equals(Key.get(AdmitChatUseCase.class)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the held module binds no AdmitChatUseCase"));
    assertThat(admission.getLinkedKey()).isEqualTo(Key.get(NoAdmissionLine.class));

    // Overriding the service's gate the way Composition applies overrides: with one permit, the
    // service's line would keep the second start waiting; the held variant lets every one through.
    AdmitChatUseCase line =
        Guice.createInjector(
                Modules.override(
                        new AbstractModule() {
                          @Override
                          protected void configure() {
                            bind(AdmitChatUseCase.class).toInstance(new AdmissionGate(onePermit()));
                          }
                        })
                    .with(
                        new AbstractModule() {
                          @Override
                          protected void configure() {
                            bind(AdmitChatUseCase.class).to(admissionOf(admission));
                          }
                        }))
            .getInstance(AdmitChatUseCase.class);
    CompletableFuture<Void> starts =
        CompletableFuture.runAsync(
            () -> {
              for (int start = 0; start < 50; start++) {
                line.enter(); // held requests keep their connection past leave(): none left here
              }
            });
    starts.get(5, TimeUnit.SECONDS);
  }

  @SuppressWarnings("unchecked")
  private static Key<? extends AdmitChatUseCase> admissionOf(LinkedKeyBinding<?> binding) {
    return (Key<? extends AdmitChatUseCase>) binding.getLinkedKey();
  }

  private static ReliabilitySettings onePermit() {
    return ReliabilitySettings.forPool(2).withAdmission(1, 10, Duration.ofSeconds(30));
  }
}
