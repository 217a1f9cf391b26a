package dev.trinity.core.resilience.internal;

import dev.trinity.core.resilience.CircuitBreaker;
import dev.trinity.core.resilience.CircuitBreaker.StateListener;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import dev.trinity.core.resilience.CircuitBreakerRegistry;
import dev.trinity.core.resilience.CircuitBreakerStatus;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link CircuitBreakerRegistry}: a concurrent map of breakers. Each breaker gets one listener
 * that forwards to the registry's current listeners, so listeners added later reach it too.
 */
public final class DefaultCircuitBreakerRegistry implements CircuitBreakerRegistry {
  private final CircuitBreakerConfig defaultConfig;
  private final Clock clock;
  private final ConcurrentMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final List<StateListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * Creates an empty registry; use {@link CircuitBreakerRegistry#of} instead.
   *
   * @param defaultConfig the rules for breakers created without their own
   * @param clock the time source every breaker uses
   */
  public DefaultCircuitBreakerRegistry(CircuitBreakerConfig defaultConfig, Clock clock) {
    this.defaultConfig = Objects.requireNonNull(defaultConfig, "defaultConfig");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CircuitBreakerConfig defaultConfig() {
    return defaultConfig;
  }

  @Override
  public CircuitBreaker breaker(String name) {
    return breaker(name, defaultConfig);
  }

  @Override
  public CircuitBreaker breaker(String name, CircuitBreakerConfig config) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    return breakers.computeIfAbsent(name, n -> create(n, config));
  }

  private CircuitBreaker create(String name, CircuitBreakerConfig config) {
    CircuitBreaker breaker = new CircuitBreakerStateMachine(name, config, clock);
    breaker.addListener(
        (breakerName, from, to) -> {
          for (StateListener listener : listeners) {
            CircuitBreakerStateMachine.notifySafely(listener, breakerName, from, to);
          }
        });
    return breaker;
  }

  @Override
  public Optional<CircuitBreaker> find(String name) {
    return Optional.ofNullable(breakers.get(name));
  }

  @Override
  public Map<String, CircuitBreakerStatus> statusOfAll() {
    Map<String, CircuitBreakerStatus> all = new TreeMap<>();
    breakers.forEach((name, breaker) -> all.put(name, breaker.status()));
    return Collections.unmodifiableMap(all);
  }

  @Override
  public void resetAll() {
    breakers.values().forEach(CircuitBreaker::reset);
  }

  @Override
  public void addListener(StateListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public boolean removeListener(StateListener listener) {
    return listeners.remove(listener);
  }

  @Override
  public String toString() {
    return "CircuitBreakerRegistry" + breakers.keySet();
  }
}
