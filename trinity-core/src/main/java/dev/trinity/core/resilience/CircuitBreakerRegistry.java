package dev.trinity.core.resilience;

import dev.trinity.core.resilience.CircuitBreaker.StateListener;
import dev.trinity.core.resilience.internal.DefaultCircuitBreakerRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Named {@link CircuitBreaker}s, created on first use (typically one per provider or endpoint),
 * with a view of all of them for health checks and operators. Thread-safe: two threads asking for
 * the same name get the same breaker.
 */
public interface CircuitBreakerRegistry {

  /**
   * Creates an empty registry.
   *
   * @param defaultConfig the rules for breakers created by {@link #breaker(String)}
   * @param clock the time source every breaker uses
   * @return a new registry
   */
  static CircuitBreakerRegistry of(CircuitBreakerConfig defaultConfig, Clock clock) {
    return new DefaultCircuitBreakerRegistry(defaultConfig, clock);
  }

  /**
   * Creates an empty registry whose breakers use {@link CircuitBreakerConfig#ofDefaults()}.
   *
   * @param clock the time source every breaker uses
   * @return a new registry
   */
  static CircuitBreakerRegistry ofDefaults(Clock clock) {
    return of(CircuitBreakerConfig.ofDefaults(), clock);
  }

  /**
   * The rules for breakers created without their own.
   *
   * @return the default configuration
   */
  CircuitBreakerConfig defaultConfig();

  /**
   * The breaker with this name, created with the default configuration if there is none yet.
   *
   * @param name the breaker's name
   * @return the breaker
   */
  CircuitBreaker breaker(String name);

  /**
   * The breaker with this name, created with {@code config} if there is none yet. An existing
   * breaker is returned as it is, whatever its configuration.
   *
   * @param name the breaker's name
   * @param config the rules for a new breaker
   * @return the breaker
   */
  CircuitBreaker breaker(String name, CircuitBreakerConfig config);

  /**
   * The breaker with this name, if it has been created.
   *
   * @param name the breaker's name
   * @return the breaker, or empty
   */
  Optional<CircuitBreaker> find(String name);

  /**
   * A status snapshot of every breaker.
   *
   * @return an unmodifiable map from name to status, sorted by name
   */
  Map<String, CircuitBreakerStatus> statusOfAll();

  /** {@linkplain CircuitBreaker#reset() Resets} every breaker. */
  void resetAll();

  /**
   * Adds a listener that hears the state changes of every breaker in this registry, existing and
   * future. Listener rules are those of {@link StateListener}.
   *
   * @param listener the listener
   */
  void addListener(StateListener listener);

  /**
   * Removes a listener added with {@link #addListener(StateListener)}.
   *
   * @param listener the listener
   * @return true when it was registered
   */
  boolean removeListener(StateListener listener);
}
