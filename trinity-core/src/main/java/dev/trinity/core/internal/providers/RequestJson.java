package dev.trinity.core.internal.providers;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Writes a request body's JSON, left to right, into text: objects, arrays, fields, strings,
 * booleans, numbers, and JSON text that is already written (a schema). Not thread-safe; one per
 * body.
 *
 * <p>Why not Jackson's generator: a body is written on the caller's thread before every exchange,
 * and a call that comes after the thread sat idle (the usual case for a service) finds the caches
 * cold, where every piece of code touched costs. This writer touches far less than Jackson's
 * generator; {@code ColdStepsBenchmark} in trinity-examples measures both (docs/benchmarks.md,
 * "Streaming: time to first token"). Parsing answers stays with Jackson.
 *
 * <p>Strings are escaped as RFC 8259 requires: quote, backslash and the control characters below
 * U+0020; everything else is written as UTF-8. A lone surrogate (text that is not valid UTF-16) is
 * written as U+FFFD, the replacement character, as decoders do on the way in.
 */
public final class RequestJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out;
  private boolean needsComma;

  /** A writer for a body of about the usual size. */
  public RequestJson() {
    this(256);
  }

  /**
   * A writer with room for a body of about the given length.
   *
   * @param capacity the expected length, in characters
   */
  public RequestJson(int capacity) {
    this.out = new StringBuilder(capacity);
  }

  /**
   * Starts an object, as a value or the body itself.
   *
   * @return this writer
   */
  public RequestJson startObject() {
    separate();
    out.append('{');
    needsComma = false;
    return this;
  }

  /**
   * Ends the innermost open object.
   *
   * @return this writer
   */
  public RequestJson endObject() {
    out.append('}');
    needsComma = true;
    return this;
  }

  /**
   * Starts an array, as a value.
   *
   * @return this writer
   */
  public RequestJson startArray() {
    separate();
    out.append('[');
    needsComma = false;
    return this;
  }

  /**
   * Ends the innermost open array.
   *
   * @return this writer
   */
  public RequestJson endArray() {
    out.append(']');
    needsComma = true;
    return this;
  }

  /**
   * Writes a field's name; its value comes next.
   *
   * @param name the name
   * @return this writer
   */
  public RequestJson field(String name) {
    separate();
    string(name);
    out.append(':');
    needsComma = false;
    return this;
  }

  /**
   * Writes a string value.
   *
   * @param value the text
   * @return this writer
   */
  public RequestJson value(String value) {
    separate();
    string(value);
    needsComma = true;
    return this;
  }

  /**
   * Writes a boolean value.
   *
   * @param value the value
   * @return this writer
   */
  public RequestJson value(boolean value) {
    separate();
    out.append(value);
    needsComma = true;
    return this;
  }

  /**
   * Writes a number value: integers as they are, doubles and floats in Java's shortest
   * round-tripping form ({@code 0.7}, {@code 1.0E-5}).
   *
   * @param value a finite number
   * @return this writer
   * @throws IllegalArgumentException when the number is NaN or infinite, which JSON cannot write
   */
  public RequestJson value(Number value) {
    if ((value instanceof Double d && !Double.isFinite(d))
        || (value instanceof Float f && !Float.isFinite(f))) {
      throw new IllegalArgumentException("JSON has no way to write " + value);
    }
    separate();
    out.append(value);
    needsComma = true;
    return this;
  }

  /**
   * Writes JSON text that is already written, such as a schema, as a value.
   *
   * @param json one complete JSON value
   * @return this writer
   */
  public RequestJson rawValue(String json) {
    separate();
    out.append(json);
    needsComma = true;
    return this;
  }

  /**
   * Writes a string field.
   *
   * @param name the field's name
   * @param value the text
   * @return this writer
   */
  public RequestJson field(String name, String value) {
    return field(name).value(value);
  }

  /**
   * Writes a boolean field.
   *
   * @param name the field's name
   * @param value the value
   * @return this writer
   */
  public RequestJson field(String name, boolean value) {
    return field(name).value(value);
  }

  /**
   * Writes a number field when the value is present; leaves the field out otherwise.
   *
   * @param name the field's name
   * @param value the value, if any
   * @return this writer
   */
  public RequestJson fieldIfPresent(String name, Optional<? extends Number> value) {
    if (value.isPresent()) {
      field(name).value(value.get());
    }
    return this;
  }

  /**
   * The JSON written so far, as UTF-8.
   *
   * @return the bytes
   */
  public byte[] toBytes() {
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void separate() {
    if (needsComma) {
      out.append(',');
    }
  }

  private void string(String s) {
    out.append('"');
    int n = s.length();
    int plainFrom = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++; // a valid pair: written as it is
        continue;
      }
      out.append(s, plainFrom, i);
      plainFrom = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (Character.isSurrogate(c)) {
            out.append("\\ufffd");
          } else {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          }
        }
      }
    }
    out.append(s, plainFrom, n);
    out.append('"');
  }
}
