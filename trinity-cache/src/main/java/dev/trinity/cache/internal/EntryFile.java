package dev.trinity.cache.internal;

import dev.trinity.cache.CacheEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of one filesystem entry, format version {@value #VERSION}. All numbers are big-endian.
 *
 * <pre>
 * offset  size  field
 *      0     4  magic "TRCE"
 *      4     1  format version (1)
 *      5     8  created at, milliseconds since the epoch
 *     13     8  expires at, milliseconds since the epoch
 *     21     4  key length K, in UTF-8 bytes
 *     25     4  value length V, in UTF-8 bytes
 *     29     K  key, UTF-8
 *   29+K     V  value, UTF-8
 * 29+K+V     4  CRC32C of every byte before it
 * </pre>
 *
 * A file that is too short, has another magic, lengths that do not add up to its size or a wrong
 * checksum is {@linkplain Decoded.Kind#CORRUPT corrupt}. The key is stored so that a file is never
 * served for another key.
 */
final class EntryFile {
  static final byte VERSION = 1;

  private static final byte[] MAGIC = {'T', 'R', 'C', 'E'};
  private static final int HEADER = 29;
  private static final int TRAILER = 4;

  private EntryFile() {}

  /**
   * Encodes an entry.
   *
   * @param key the entry's key
   * @param entry the entry
   * @return the file's bytes
   */
  static byte[] encode(String key, CacheEntry entry) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    byte[] v = entry.value().getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(HEADER + k.length + v.length + TRAILER);
    b.put(MAGIC)
        .put(VERSION)
        .putLong(Times.epochMillis(entry.createdAt()))
        .putLong(Times.epochMillis(entry.expiresAt()))
        .putInt(k.length)
        .putInt(v.length)
        .put(k)
        .put(v);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /**
   * Decodes a file's bytes.
   *
   * @param bytes the whole file
   * @param key the key the caller looks up
   * @return the outcome
   */
  static Decoded decode(byte[] bytes, String key) {
    if (bytes.length < HEADER + TRAILER) {
      return Decoded.corrupt("truncated: " + bytes.length + " bytes");
    }
    if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return Decoded.corrupt("not a cache entry (bad magic)");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    b.position(MAGIC.length);
    byte version = b.get();
    if (version != VERSION) {
      return new Decoded(Decoded.Kind.UNSUPPORTED, null, "format version " + version);
    }
    long created = b.getLong();
    long expires = b.getLong();
    int keyLength = b.getInt();
    int valueLength = b.getInt();
    long expected = (long) HEADER + keyLength + valueLength + TRAILER;
    if (keyLength < 0 || valueLength < 0 || expected != bytes.length) {
      return Decoded.corrupt("lengths do not match a file of " + bytes.length + " bytes");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - TRAILER);
    if ((int) crc.getValue() != b.getInt(bytes.length - TRAILER)) {
      return Decoded.corrupt("checksum mismatch");
    }
    if (created > expires) {
      return Decoded.corrupt("expires before it was created");
    }
    if (!key.equals(new String(bytes, HEADER, keyLength, StandardCharsets.UTF_8))) {
      return new Decoded(Decoded.Kind.OTHER_KEY, null, "holds another key");
    }
    String value = new String(bytes, HEADER + keyLength, valueLength, StandardCharsets.UTF_8);
    CacheEntry entry =
        new CacheEntry(value, Instant.ofEpochMilli(created), Instant.ofEpochMilli(expires));
    return new Decoded(Decoded.Kind.OK, entry, "ok");
  }

  /** The outcome of {@link #decode(byte[], String)}. */
  record Decoded(Kind kind, @Nullable CacheEntry entry, String detail) {
    enum Kind {
      /** A valid entry for the key. */
      OK,
      /** Damaged: truncated, overwritten or bit-flipped. */
      CORRUPT,
      /** Written by another format version: a miss, left in place. */
      UNSUPPORTED,
      /** A valid entry for another key (a hash collision): a miss, left in place. */
      OTHER_KEY
    }

    static Decoded corrupt(String detail) {
      return new Decoded(Kind.CORRUPT, null, detail);
    }
  }
}
