package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OpenedSoFarTest {

  @Test
  @DisplayName("closes newest first, keeps the failure and suppresses the closes that fail in it")
  void closesInReverseKeepingTheFailure() {
    List<String> closed = new ArrayList<>();
    OpenedSoFar opened = new OpenedSoFar();
    opened.add(() -> closed.add("pool"));
    opened.add(
        () -> {
          closed.add("hibernate");
          throw new IllegalStateException("hibernate would not close");
        });
    opened.add(() -> closed.add("workers"));
    RuntimeException failure = new IllegalStateException("the start failed");

    opened.closeAfter(failure);

    assertThat(closed).containsExactly("workers", "hibernate", "pool");
    assertThat(failure.getSuppressed())
        .singleElement()
        .extracting(Throwable::getMessage)
        .isEqualTo("hibernate would not close");
  }
}
