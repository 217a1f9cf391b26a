package dev.trinity.site.internal.risk;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.site.HealingStrategy;
import dev.trinity.site.LayoutModelException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A trained layout-risk model: the trees ({@code layout-risk-model.json}) and their metadata
 * ({@code layout-risk-model.meta.json}: features, classes, hyperparameters, metrics, dataset hash,
 * training date, and the SHA-256 of the model file). Loading checks the checksum, the format, that
 * features and classes are the ones this code computes, and every tree node. Both files are read as
 * JSON data; nothing in them is executed. Immutable; thread-safe.
 */
public final class RiskModel {
  /** The model format this code reads. */
  public static final String FORMAT = "trinity-layout-risk-trees/1";

  /** Where the shipped model lives on the classpath. */
  public static final String RESOURCE = "dev/trinity/site/risk/layout-risk-model.json";

  /** Where the shipped metadata lives on the classpath. */
  public static final String META_RESOURCE = "dev/trinity/site/risk/layout-risk-model.meta.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TreeEnsemble trees;
  private final JsonNode metadata;

  private RiskModel(TreeEnsemble trees, JsonNode metadata) {
    this.trees = trees;
    this.metadata = metadata;
  }

  /**
   * Reads and checks a model.
   *
   * @param source the model's name for messages (a path or resource)
   * @param model the model file's bytes
   * @param meta the metadata file's bytes
   * @return the model
   * @throws LayoutModelException when the files do not parse, the checksum differs, or the content
   *     is not a well-formed model for these features and classes
   */
  public static RiskModel read(String source, byte[] model, byte[] meta) {
    JsonNode metadata = parse(source + " (metadata)", meta);
    String expected = text(metadata, "model_sha256", source);
    String actual = sha256(model);
    if (!actual.equalsIgnoreCase(expected)) {
      throw new LayoutModelException(
          source,
          "the model file's SHA-256 is "
              + actual
              + " but its metadata expects "
              + expected
              + ": the file was changed or damaged after training; retrain or restore it",
          null);
    }
    JsonNode root = parse(source, model);
    String format = text(root, "format", source);
    if (!FORMAT.equals(format)) {
      throw new LayoutModelException(
          source, "format is '" + format + "', this version reads '" + FORMAT + "'", null);
    }
    List<String> features = strings(root, "features", source);
    if (!features.equals(ElementFeatures.NAMES)) {
      throw new LayoutModelException(
          source,
          "its features " + features + " are not the ones computed here " + ElementFeatures.NAMES,
          null);
    }
    List<String> classes = strings(root, "classes", source);
    List<String> ours = Arrays.stream(HealingStrategy.values()).map(Enum::name).toList();
    if (!classes.equals(ours)) {
      throw new LayoutModelException(
          source, "its classes " + classes + " are not the healing strategies " + ours, null);
    }
    try {
      return new RiskModel(
          TreeEnsemble.fromJson(root.get("trees"), features.size(), classes.size()), metadata);
    } catch (IllegalArgumentException e) {
      throw new LayoutModelException(source, "malformed trees: " + e.getMessage(), e);
    }
  }

  /**
   * The forest.
   *
   * @return the trees
   */
  public TreeEnsemble trees() {
    return trees;
  }

  /**
   * The metadata as written by the trainer.
   *
   * @return the JSON tree (do not modify)
   */
  public JsonNode metadata() {
    return metadata;
  }

  /**
   * The SHA-256 of bytes.
   *
   * @param bytes the bytes
   * @return lower-case hex
   */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static JsonNode parse(String source, byte[] bytes) {
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new LayoutModelException(source, "is not a JSON object", null);
      }
      return node;
    } catch (JacksonException e) {
      throw new LayoutModelException(
          source, "is not valid JSON (corrupted?): " + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) {
      throw new LayoutModelException(source, "could not be read: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field, String source) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new LayoutModelException(source, "has no text field '" + field + "'", null);
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode node, String field, String source) {
    JsonNode v = node.get(field);
    if (v == null || !v.isArray()) {
      throw new LayoutModelException(source, "has no array '" + field + "'", null);
    }
    List<String> out = new ArrayList<>();
    v.forEach(x -> out.add(x.asText()));
    return out;
  }
}
