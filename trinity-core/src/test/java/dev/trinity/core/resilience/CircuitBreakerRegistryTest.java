package dev.trinity.core.resilience;

import static dev.trinity.core.resilience.ProviderFailures.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.core.resilience.CircuitBreaker.State;
import dev.trinity.test.VirtualTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBreakerRegistryTest {
  private final VirtualTime time = new VirtualTime();
  private final CircuitBreakerRegistry registry =
      CircuitBreakerRegistry.of(
          CircuitBreakerConfig.consecutiveFailures().toBuilder().failureThreshold(2).build(),
          time.clock());

  @Test
  void createsEachNamedBreakerOnceFromTheDefaultConfig() {
    CircuitBreaker ollama = registry.breaker("ollama");

    assertThat(registry.breaker("ollama")).isSameAs(ollama);
    assertThat(ollama.config()).isEqualTo(registry.defaultConfig());
    assertThat(registry.find("ollama")).containsSame(ollama);
    assertThat(registry.find("openai")).isEmpty();
  }

  @Test
  void aBreakerCanHaveItsOwnConfigButAnExistingOneIsReturnedAsItIs() {
    CircuitBreakerConfig strict = CircuitBreakerConfig.builder().failureThreshold(1).build();

    CircuitBreaker openai = registry.breaker("openai", strict);

    assertThat(openai.config()).isEqualTo(strict);
    assertThat(registry.breaker("openai", CircuitBreakerConfig.ofDefaults())).isSameAs(openai);
  }

  @Test
  void statusOfAllReportsEveryBreakerByName() {
    CircuitBreaker ollama = registry.breaker("ollama");
    registry.breaker("openai").onSuccess();
    ollama.onError(serverError());
    ollama.onError(serverError());

    assertThat(registry.statusOfAll()).containsOnlyKeys("ollama", "openai");
    assertThat(registry.statusOfAll().keySet()).containsExactly("ollama", "openai");
    assertThat(registry.statusOfAll().get("ollama").state()).isEqualTo(State.OPEN);
    assertThat(registry.statusOfAll().get("openai").totalSuccesses()).isEqualTo(1);
  }

  @Test
  void resetAllClosesEveryBreaker() {
    CircuitBreaker ollama = registry.breaker("ollama");
    CircuitBreaker openai = registry.breaker("openai");
    ollama.transitionToOpen();
    openai.transitionToOpen();

    registry.resetAll();

    assertThat(registry.statusOfAll().values())
        .allSatisfy(status -> assertThat(status.state()).isEqualTo(State.CLOSED));
  }

  @Test
  void registryListenersHearEveryBreakerIncludingOnesCreatedLater() {
    List<String> changes = new ArrayList<>();
    CircuitBreaker early = registry.breaker("early");
    registry.addListener((name, from, to) -> changes.add(name + " " + from + " -> " + to));
    CircuitBreaker late = registry.breaker("late");

    early.transitionToOpen();
    late.transitionToOpen();
    registry.resetAll();

    assertThat(changes)
        .containsExactlyInAnyOrder(
            "early CLOSED -> OPEN",
            "late CLOSED -> OPEN",
            "early OPEN -> CLOSED",
            "late OPEN -> CLOSED");
  }

  @Test
  void aRemovedListenerHearsNothingMore() {
    List<String> changes = new ArrayList<>();
    CircuitBreaker.StateListener listener = (name, from, to) -> changes.add(name);
    registry.addListener(listener);

    assertThat(registry.removeListener(listener)).isTrue();
    registry.breaker("ollama").transitionToOpen();

    assertThat(changes).isEmpty();
  }
}
