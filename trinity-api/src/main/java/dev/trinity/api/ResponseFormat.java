package dev.trinity.api;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What shape the model should answer in: free text, any JSON object, or JSON matching a schema.
 * Immutable.
 *
 * <p>Providers without {@link Capability#JSON_SCHEMA} receive the schema as JSON mode; the content
 * engine validates the answer either way.
 */
public final class ResponseFormat {
  /** The kinds of response format. */
  public enum Kind {
    /** Free text (the default). */
    TEXT,
    /** Any JSON object. */
    JSON,
    /** JSON matching {@link #schema()}. */
    JSON_SCHEMA
  }

  private static final ResponseFormat TEXT = new ResponseFormat(Kind.TEXT, null, null);
  private static final ResponseFormat JSON = new ResponseFormat(Kind.JSON, null, null);

  private final Kind kind;
  private final @Nullable String schemaName;
  private final @Nullable String schema;

  private ResponseFormat(Kind kind, @Nullable String schemaName, @Nullable String schema) {
    this.kind = kind;
    this.schemaName = schemaName;
    this.schema = schema;
  }

  /**
   * Free text.
   *
   * @return the text format
   */
  public static ResponseFormat text() {
    return TEXT;
  }

  /**
   * Any JSON object ("JSON mode").
   *
   * @return the JSON format
   */
  public static ResponseFormat json() {
    return JSON;
  }

  /**
   * JSON matching a JSON Schema.
   *
   * @param name a short name for the schema, letters, digits, {@code _} and {@code -} only (OpenAI
   *     requires one)
   * @param schemaJson the schema as JSON text, starting with <code>{</code>
   * @return the schema format
   * @throws IllegalArgumentException when the name or schema is not acceptable
   */
  public static ResponseFormat jsonSchema(String name, String schemaJson) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schemaJson, "schemaJson");
    if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException(
          "schema name must be 1-64 letters, digits, '_' or '-', was '" + name + "'");
    }
    if (!schemaJson.strip().startsWith("{")) {
      throw new IllegalArgumentException("schema must be a JSON object, starting with '{'");
    }
    return new ResponseFormat(Kind.JSON_SCHEMA, name, schemaJson.strip());
  }

  /**
   * The kind of format.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The schema's name, for {@link Kind#JSON_SCHEMA}.
   *
   * @return the name, or empty for other kinds
   */
  public Optional<String> schemaName() {
    return Optional.ofNullable(schemaName);
  }

  /**
   * The JSON Schema text, for {@link Kind#JSON_SCHEMA}.
   *
   * @return the schema, or empty for other kinds
   */
  public Optional<String> schema() {
    return Optional.ofNullable(schema);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResponseFormat other
        && kind == other.kind
        && Objects.equals(schemaName, other.schemaName)
        && Objects.equals(schema, other.schema);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, schemaName, schema);
  }

  @Override
  public String toString() {
    return kind == Kind.JSON_SCHEMA ? "JSON_SCHEMA(" + schemaName + ")" : kind.name();
  }
}
