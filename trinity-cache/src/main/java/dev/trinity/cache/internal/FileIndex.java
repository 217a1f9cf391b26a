package dev.trinity.cache.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filesystem tier's in-memory view of its directory: the size of each entry file and the order
 * of last use, so that the size cap is enforced by evicting the least recently used entries without
 * listing the directory. Built once at start, then kept up to date by the tier's own reads and
 * writes. Thread-safe: every method holds the index's lock for a few map operations.
 */
final class FileIndex {
  /** File name (the key's hash) to file size in bytes, least recently used first. */
  private final LinkedHashMap<String, Long> sizes = new LinkedHashMap<>(64, 0.75f, true);

  private long totalBytes;

  /**
   * Records a file written or found, as the most recently used.
   *
   * @param name the file's key hash
   * @param size its size in bytes
   */
  synchronized void record(String name, long size) {
    Long old = sizes.put(name, size);
    totalBytes += size - (old == null ? 0L : old);
  }

  /**
   * Forgets a file that was deleted or is missing.
   *
   * @param name the file's key hash
   */
  synchronized void remove(String name) {
    Long old = sizes.remove(name);
    if (old != null) {
      totalBytes -= old;
    }
  }

  /**
   * Removes the least recently used files until the total fits the cap.
   *
   * @param capBytes the cap
   * @return the names removed from the index, whose files the caller deletes
   */
  synchronized List<String> evictOver(long capBytes) {
    List<String> evicted = new ArrayList<>();
    Iterator<Map.Entry<String, Long>> it = sizes.entrySet().iterator();
    while (totalBytes > capBytes && it.hasNext()) {
      Map.Entry<String, Long> eldest = it.next();
      totalBytes -= eldest.getValue();
      evicted.add(eldest.getKey());
      it.remove();
    }
    return evicted;
  }

  /** Forgets every file. */
  synchronized void clear() {
    sizes.clear();
    totalBytes = 0;
  }

  /**
   * The bytes of every indexed file.
   *
   * @return the total
   */
  synchronized long totalBytes() {
    return totalBytes;
  }
}
