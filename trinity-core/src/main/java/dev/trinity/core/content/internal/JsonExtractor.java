package dev.trinity.core.content.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.ContentValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the JSON object in a model's answer: a bare object, one inside a Markdown code fence, one
 * with prose around it, or one after a reasoning model's {@code <think>…</think>} block.
 */
public final class JsonExtractor {
  private static final Pattern REASONING =
      Pattern.compile("(?is)<(think|thinking|reasoning)>.*?</\\1>");
  private static final Pattern UNOPENED_REASONING_END =
      Pattern.compile("(?is)</(think|thinking|reasoning)>");
  private static final Pattern UNCLOSED_REASONING =
      Pattern.compile("(?is)^\\s*<(think|thinking|reasoning)>");
  private static final Pattern FENCE = Pattern.compile("(?s)```[\\w-]*[ \\t]*\\r?\\n?(.*?)```");
  private static final int MAX_OBJECT_STARTS = 32;

  private JsonExtractor() {}

  /**
   * The answer with reasoning blocks removed: {@code <think>…</think>} anywhere, and everything up
   * to a closing {@code </think>} whose opening tag the chat template swallowed.
   *
   * @param answer the model's answer
   * @return the answer proper, stripped
   */
  public static String withoutReasoning(String answer) {
    String s = answer.startsWith("\uFEFF") ? answer.substring(1) : answer;
    s = REASONING.matcher(s).replaceAll("");
    Matcher end = UNOPENED_REASONING_END.matcher(s);
    int cut = -1;
    while (end.find()) {
      cut = end.end();
    }
    if (cut >= 0) {
      s = s.substring(cut);
    }
    return s.strip();
  }

  /**
   * Extracts and parses the JSON object of an answer.
   *
   * @param answer the model's answer, as it came
   * @return the object
   * @throws ContentValidationException when there is no object, or it is not valid JSON; the errors
   *     say which, with a line and column
   */
  public static ObjectNode parseObject(String answer) {
    String text = withoutReasoning(answer);
    if (UNCLOSED_REASONING.matcher(text).find()) {
      throw invalid(answer, "$: the answer is only reasoning (<think> was never closed)", null);
    }
    List<String> candidates = candidates(text);
    if (candidates.isEmpty()) {
      throw invalid(
          answer,
          text.isEmpty()
              ? "$: the answer is empty; expected a JSON object"
              : "$: the answer contains no JSON object",
          null);
    }
    @Nullable JsonProcessingException firstError = null;
    @Nullable String notAnObject = null;
    for (String candidate : candidates) {
      try {
        JsonNode node = ContentJson.JSON.readTree(candidate);
        if (node instanceof ObjectNode object) {
          return object;
        }
        if (notAnObject == null && node != null) {
          notAnObject = "$: expected a JSON object, got " + kind(node);
        }
      } catch (JsonProcessingException e) {
        if (firstError == null) {
          firstError = e;
        }
      }
    }
    if (firstError != null) {
      throw invalid(answer, "$: " + describe(firstError), firstError);
    }
    throw invalid(
        answer, notAnObject != null ? notAnObject : "$: the answer contains no JSON object", null);
  }

  /** Fenced blocks first, then every balanced {…} span, in order of appearance. */
  private static List<String> candidates(String text) {
    List<String> out = new ArrayList<>();
    Matcher fence = FENCE.matcher(text);
    while (fence.find()) {
      String body = fence.group(1).strip();
      if (body.startsWith("{") || body.startsWith("[")) {
        out.add(body);
      }
    }
    int starts = 0;
    for (int i = text.indexOf('{');
        i >= 0 && starts < MAX_OBJECT_STARTS;
        i = text.indexOf('{', i + 1)) {
      starts++;
      String span = balanced(text, i);
      if (!out.contains(span)) {
        out.add(span);
      }
    }
    if (out.isEmpty() && text.startsWith("[")) {
      out.add(text);
    }
    return out;
  }

  /** The object starting at {@code start} up to its matching brace, or to the end if unclosed. */
  private static String balanced(String text, int start) {
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          return text.substring(start, i + 1);
        }
      }
    }
    return text.substring(start);
  }

  /** Says where and roughly why parsing failed, without quoting the model's text. */
  private static String describe(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 1
            ? ""
            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    if (e instanceof JsonEOFException) {
      return "the JSON ends before the object is closed" + where;
    }
    return "not valid JSON" + where + " (" + reason(e) + ")";
  }

  private static String reason(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return "syntax error";
    }
    if (m.startsWith("Unexpected character")) {
      return "unexpected character";
    }
    if (m.startsWith("Unrecognized token")) {
      return "unquoted or unknown word";
    }
    if (m.contains("was expecting double-quote")) {
      return "field names must be in double quotes";
    }
    if (m.contains("trailing token")) {
      return "text after the object";
    }
    if (m.contains("Illegal unquoted character")) {
      return "unescaped control character in a string";
    }
    return "syntax error";
  }

  private static String kind(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return "null";
  }

  private static ContentValidationException invalid(
      String answer, String error, @Nullable Throwable cause) {
    return new ContentValidationException(
        "the model's answer is not a JSON object", List.of(error), answer, cause);
  }
}
