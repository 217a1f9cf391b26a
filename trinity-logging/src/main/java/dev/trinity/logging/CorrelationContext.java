package dev.trinity.logging;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * A scope that puts a correlation id into the SLF4J MDC for the current thread and restores what
 * was there when it closes. Use it with try-with-resources:
 *
 * <pre>{@code
 * try (CorrelationContext scope = CorrelationContext.open("build-123")) {
 *   client.generate(request); // every log line of this request carries correlation_id=build-123
 * }
 * }</pre>
 *
 * <p>Not thread-safe: open and close a scope on the same thread. The MDC belongs to a thread; to
 * carry the id to executors and {@code CompletableFuture} stages, see {@link MdcPropagation}.
 */
public final class CorrelationContext implements AutoCloseable {
  /** The MDC key: {@value}. */
  public static final String MDC_KEY = LogEvents.Keys.CORRELATION_ID;

  private final String id;
  private final @Nullable String previous;
  private boolean closed;

  private CorrelationContext(String id) {
    this.id = id;
    this.previous = MDC.get(MDC_KEY);
    MDC.put(MDC_KEY, id);
  }

  /**
   * Opens a scope with the given id.
   *
   * @param correlationId the id, not blank
   * @return the scope, to close
   * @throws IllegalArgumentException when the id is blank
   */
  public static CorrelationContext open(String correlationId) {
    if (correlationId.isBlank()) {
      throw new IllegalArgumentException("correlationId must not be blank");
    }
    return new CorrelationContext(correlationId);
  }

  /**
   * Opens a scope with a fresh id.
   *
   * @return the scope, to close
   */
  public static CorrelationContext openNew() {
    return new CorrelationContext(newId());
  }

  /**
   * A fresh random correlation id: a version 4 UUID in its usual text form.
   *
   * <p>The bits come from {@link ThreadLocalRandom}, not from {@link UUID#randomUUID()}'s {@code
   * SecureRandom}: a correlation id joins log lines and must not repeat, but it is no secret, and
   * the secure generator (a lock, a digest and now and then a read of the system's entropy) would
   * be most of what a call costs before its request is sent.
   *
   * @return the id
   */
  public static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(high, low).toString();
  }

  /**
   * The correlation id in the current thread's MDC.
   *
   * @return the id, or null when there is none
   */
  public static @Nullable String current() {
    return MDC.get(MDC_KEY);
  }

  /**
   * This scope's correlation id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /** Restores the MDC value that was there when this scope opened. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (previous == null) {
      MDC.remove(MDC_KEY);
    } else {
      MDC.put(MDC_KEY, previous);
    }
  }
}
