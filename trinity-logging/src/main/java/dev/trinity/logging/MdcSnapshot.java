package dev.trinity.logging;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * An immutable copy of a thread's whole SLF4J MDC map, to be installed on another thread for the
 * length of a task.
 *
 * <pre>{@code
 * MdcSnapshot snapshot = MdcSnapshot.capture();      // on the request thread
 * executor.execute(() -> snapshot.run(this::work));  // work() logs with the request's MDC
 * }</pre>
 *
 * <p>Installing a snapshot replaces the thread's MDC with the snapshot's entries; the returned
 * {@link Scope} puts back exactly what the thread had before, so a pool thread carries nothing once
 * the task is done. Scopes nest: each restores the map that was there when it opened.
 *
 * <p>Instances are immutable and safe to share between threads. A {@link Scope} belongs to the
 * thread that opened it. {@link MdcPropagation} builds on this class to wrap tasks, callbacks and
 * executors.
 */
public final class MdcSnapshot {
  private static final MdcSnapshot EMPTY = new MdcSnapshot(Collections.emptyMap());

  private final Map<String, String> entries;

  private MdcSnapshot(Map<String, String> entries) {
    this.entries = entries;
  }

  /**
   * Copies the current thread's MDC.
   *
   * @return the snapshot; {@link #empty()} when the MDC is empty or the SLF4J backend has none
   */
  public static MdcSnapshot capture() {
    Map<String, String> current = CurrentMdc.get();
    if (current == null || current.isEmpty()) {
      return EMPTY;
    }
    return new MdcSnapshot(Collections.unmodifiableMap(current));
  }

  /**
   * A snapshot holding the given entries.
   *
   * @param entries MDC keys and values, none null
   * @return the snapshot
   * @throws NullPointerException when a key or value is null
   */
  public static MdcSnapshot of(Map<String, String> entries) {
    return entries.isEmpty() ? EMPTY : new MdcSnapshot(Map.copyOf(entries));
  }

  /**
   * This snapshot with one entry added, or replaced when the key is there already.
   *
   * @param key the MDC key
   * @param value the value
   * @return a new snapshot
   * @throws NullPointerException when the key or value is null
   */
  public MdcSnapshot with(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (entries.isEmpty()) {
      return new MdcSnapshot(Map.of(key, value));
    }
    Map<String, String> copy = new HashMap<>(entries);
    copy.put(key, value);
    return new MdcSnapshot(Collections.unmodifiableMap(copy));
  }

  /**
   * The snapshot of an empty MDC: installing it clears the MDC for the length of the scope.
   *
   * @return the empty snapshot
   */
  public static MdcSnapshot empty() {
    return EMPTY;
  }

  /**
   * The entries, as an unmodifiable map.
   *
   * @return the entries
   */
  public Map<String, String> asMap() {
    return entries;
  }

  /**
   * One entry.
   *
   * @param key the MDC key
   * @return the value, or null when the snapshot has no such key
   */
  public @Nullable String get(String key) {
    return entries.get(key);
  }

  /**
   * Whether the snapshot has no entries.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * Replaces the current thread's MDC with this snapshot until the returned scope closes. Use it
   * with try-with-resources, on one thread:
   *
   * <pre>{@code
   * try (MdcSnapshot.Scope scope = snapshot.apply()) {
   *   log.info("runs with the snapshot's MDC");
   * }
   * }</pre>
   *
   * @return the scope that restores the previous MDC
   */
  public Scope apply() {
    Map<String, String> previous = CurrentMdc.get();
    if (sameEntries(previous, entries)) {
      return new Scope(previous, false); // already in place: nothing to copy now or on close
    }
    install(entries);
    return new Scope(previous, true);
  }

  /**
   * Runs a task with this snapshot as the MDC, then restores the previous MDC, also when the task
   * throws.
   *
   * @param task the task
   */
  public void run(Runnable task) {
    Objects.requireNonNull(task, "task");
    Scope scope = apply();
    try {
      task.run();
    } finally {
      scope.close();
    }
  }

  /**
   * Calls a supplier with this snapshot as the MDC, then restores the previous MDC, also when the
   * supplier throws.
   *
   * @param <T> the result type
   * @param supplier the supplier
   * @return what the supplier returned
   */
  public <T> T call(Supplier<T> supplier) {
    Objects.requireNonNull(supplier, "supplier");
    Scope scope = apply();
    try {
      return supplier.get();
    } finally {
      scope.close();
    }
  }

  private static boolean sameEntries(
      @Nullable Map<String, String> a, @Nullable Map<String, String> b) {
    if (a == b) {
      return true;
    }
    boolean aEmpty = a == null || a.isEmpty();
    boolean bEmpty = b == null || b.isEmpty();
    if (aEmpty || bEmpty) {
      return aEmpty && bEmpty;
    }
    return a.equals(b);
  }

  private static void install(@Nullable Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      MDC.clear();
    } else {
      MDC.setContextMap(map); // the adapters copy the map
    }
  }

  /**
   * Entries as a map, for debugging.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return "MdcSnapshot" + new HashMap<>(entries);
  }

  /**
   * An installed snapshot. {@link #close()} restores the MDC the thread had when the snapshot was
   * installed. Not thread-safe: close it on the thread that opened it.
   */
  public static final class Scope implements AutoCloseable {
    private static final Scope NONE = new Scope(null, false, true);

    private final @Nullable Map<String, String> previous;
    private final boolean installed;
    private boolean closed;

    private Scope(@Nullable Map<String, String> previous, boolean installed) {
      this(previous, installed, false);
    }

    private Scope(@Nullable Map<String, String> previous, boolean installed, boolean closed) {
      this.previous = previous;
      this.installed = installed;
      this.closed = closed;
    }

    /**
     * A scope that changes nothing, opened and closed: for code that knows it runs inside the scope
     * it would otherwise open. Shared; closing it does nothing.
     *
     * @return the scope
     */
    public static Scope none() {
      return NONE;
    }

    /** Restores the previous MDC. Idempotent. */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (!installed && sameEntries(CurrentMdc.get(), previous)) {
        return; // the snapshot matched what was there, and nothing changed it since
      }
      install(previous);
    }
  }
}
