package dev.trinity.core.content.internal;

import dev.trinity.api.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A portfolio that passed the input checks: UTF-8 text, not empty, not binary, within the size
 * limit. {@link #trimmedTo(int)} cuts it to the model's budget.
 *
 * @param name what errors and log lines call it
 * @param text the text
 * @param originalLength its length before trimming, in characters (code points)
 */
public record Portfolio(String name, String text, int originalLength) {

  /**
   * Reads and checks a file.
   *
   * @param file the file
   * @param maxBytes the size limit
   * @return the portfolio
   * @throws InvalidInputException naming the file and what is wrong with it
   */
  public static Portfolio read(Path file, long maxBytes) {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(name, "is a directory, not a portfolio file");
    }
    if (!Files.exists(file)) {
      throw new InvalidInputException(name, "does not exist");
    }
    if (!Files.isReadable(file)) {
      throw new InvalidInputException(name, "is not readable (permission denied)");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        long size = safeSize(file, bytes.length);
        throw new InvalidInputException(name, tooLarge(size, maxBytes));
      }
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(name, "does not exist", e);
    } catch (AccessDeniedException e) {
      throw new InvalidInputException(name, "is not readable (permission denied)", e);
    } catch (IOException e) {
      throw new InvalidInputException(name, "could not be read: " + e.getMessage(), e);
    }
    return decode(name, bytes);
  }

  /**
   * Checks text the host passed in.
   *
   * @param name what to call it
   * @param text the text
   * @param maxBytes the size limit, in UTF-8 bytes
   * @return the portfolio
   * @throws InvalidInputException naming the input and what is wrong with it
   */
  public static Portfolio of(String name, String text, long maxBytes) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        throw new InvalidInputException(name, binary());
      }
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
        if (!paired) {
          throw new InvalidInputException(
              name, "is not valid Unicode text (a lone surrogate at index " + i + ")");
        }
        i++;
      }
    }
    long bytes = utf8Length(text);
    if (bytes > maxBytes) {
      throw new InvalidInputException(name, tooLarge(bytes, maxBytes));
    }
    return checked(name, text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  /**
   * This portfolio cut to at most {@code maxChars} characters, at a line break when one falls in
   * the last tenth of the budget.
   *
   * @param maxChars the budget, in characters (code points)
   * @return the cut portfolio (this one when it fits)
   */
  public Portfolio trimmedTo(int maxChars) {
    if (text.codePointCount(0, text.length()) <= maxChars) {
      return this;
    }
    int end = text.offsetByCodePoints(0, maxChars);
    int newline = text.lastIndexOf('\n', end - 1);
    if (newline > 0 && text.codePointCount(newline, end) <= maxChars / 10) {
      end = newline;
    }
    return new Portfolio(name, text.substring(0, end).stripTrailing(), originalLength);
  }

  /**
   * Whether {@link #trimmedTo(int)} cut this portfolio.
   *
   * @return true when the text is shorter than the original
   */
  public boolean trimmed() {
    return text.codePointCount(0, text.length()) < originalLength;
  }

  /**
   * The text's length.
   *
   * @return characters (code points)
   */
  public int length() {
    return text.codePointCount(0, text.length());
  }

  private static Portfolio decode(String name, byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new InvalidInputException(name, binary());
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new InvalidInputException(
          name, "is not valid UTF-8 text (bad byte sequence at byte " + in.position() + ")");
    }
    String text = out.flip().toString();
    return checked(name, text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  private static Portfolio checked(String name, String text) {
    if (text.isEmpty()) {
      throw new InvalidInputException(name, "is empty");
    }
    if (text.isBlank()) {
      throw new InvalidInputException(name, "is empty (only white space)");
    }
    return new Portfolio(name, text, text.codePointCount(0, text.length()));
  }

  private static String binary() {
    return "contains NUL bytes: it looks like a binary file, not text";
  }

  private static String tooLarge(long size, long max) {
    return "is " + size + " bytes; portfolios are limited to " + max + " bytes";
  }

  private static long safeSize(Path file, long atLeast) {
    try {
      return Math.max(Files.size(file), atLeast);
    } catch (IOException e) {
      return atLeast;
    }
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
