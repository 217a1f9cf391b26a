package dev.trinity.core.content.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trinity.api.content.SiteContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Jackson mappers the content engine reads and writes with, and its bundled resources. */
public final class ContentJson {
  /**
   * Reads model answers and writes content. Lenient about what small models get wrong without
   * changing meaning (a trailing comma); strict about everything else, text after the object
   * included.
   */
  public static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** Reads theme and prompt files. */
  public static final ObjectMapper YAML = new YAMLMapper();

  private static final ObjectMapper PRETTY =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ContentJson() {}

  /**
   * Writes content as compact JSON with the schema's names.
   *
   * @param content the content
   * @return the JSON text
   */
  public static String write(SiteContent content) {
    try {
      return JSON.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("content could not be written as JSON", e);
    }
  }

  /**
   * Writes any value as indented JSON.
   *
   * @param value a Jackson-serialisable value
   * @return the JSON text
   */
  public static String writePretty(Object value) {
    try {
      return PRETTY.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("value could not be written as JSON", e);
    }
  }

  /**
   * Reads a resource bundled next to this package ({@code dev/trinity/core/content/…}).
   *
   * @param name the file name, such as {@code themes.yaml}
   * @return its text
   */
  static String resource(String name) {
    String path = "/dev/trinity/core/content/" + name;
    try (InputStream in = ContentJson.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource " + path + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("resource " + path + " could not be read", e);
    }
  }
}
