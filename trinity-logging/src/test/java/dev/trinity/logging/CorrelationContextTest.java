package dev.trinity.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationContextTest {

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  @Test
  void newIdsAreVersionFourUuidsInTheirUsualTextForm() {
    for (int i = 0; i < 1_000; i++) {
      String id = CorrelationContext.newId();
      assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      UUID parsed = UUID.fromString(id);
      assertThat(parsed.version()).isEqualTo(4);
      assertThat(parsed.variant()).isEqualTo(2);
    }
  }

  @Test
  void newIdsDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      assertThat(seen.add(CorrelationContext.newId())).isTrue();
    }
  }

  @Test
  void newIdsDifferBetweenThreads() throws InterruptedException {
    Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 10_000; i++) {
                  seen.add(CorrelationContext.newId());
                }
              });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(seen).hasSize(40_000);
  }

  @Test
  void aScopeSetsTheIdAndRestoresThePreviousOne() {
    MDC.put(CorrelationContext.MDC_KEY, "outer");
    try (CorrelationContext inner = CorrelationContext.openNew()) {
      assertThat(CorrelationContext.current()).isEqualTo(inner.id()).isNotEqualTo("outer");
    }
    assertThat(CorrelationContext.current()).isEqualTo("outer");
  }

  @Test
  void aBlankIdIsRefused() {
    assertThatThrownBy(() -> CorrelationContext.open(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("correlationId");
  }
}
