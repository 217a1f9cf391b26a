package dev.trinity.core.content.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.ContentValidationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the JSON object in a model's answer: a bare object, one inside a Markdown code fence, one
 * with prose around it, or one after a reasoning model's {@code <think>…</think>} block.
 *
 * <p>An answer that stops inside its JSON (the model reached its output token limit) is reported as
 * cut off, rather than searched for a complete inner object that would then fail the schema.
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
    return parseObject(answer, false);
  }

  /**
   * Extracts and parses the JSON object of an answer.
   *
   * @param answer the model's answer, as it came
   * @param stoppedAtLimit whether the provider said the model stopped at its token limit (finish
   *     reason {@code length}), which a cut-off answer's error then says instead of guessing
   * @return the object
   * @throws ContentValidationException when there is no object, it is cut off, or it is not valid
   *     JSON; the errors say which, with a line and column
   */
  public static ObjectNode parseObject(String answer, boolean stoppedAtLimit) {
    String text = withoutReasoning(answer);
    OptionalInt cut = cutOff(answer, text);
    if (cut.isPresent()) {
      String where =
          UNCLOSED_REASONING.matcher(text).find()
              ? ", inside its reasoning (<think> was never closed)"
              : "";
      throw invalid(
          answer,
          "$: the answer was cut off after "
              + cut.getAsInt()
              + " characters"
              + where
              + (stoppedAtLimit ? " (the model stopped at its token limit)" : " (token limit?)"),
          null);
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

  /**
   * Whether an answer stops inside its JSON: its first top-level JSON object or array (the first
   * one that is not a complete object) opens but never closes, and what there is of it is valid
   * JSON as far as it goes. An answer that is only an unclosed {@code <think>} block counts too.
   * Prose with a stray brace, or a complete object followed by more text, is not cut off.
   *
   * @param answer the model's answer, as it came
   * @return the answer's length in characters (code points) when it is cut off, else empty
   */
  public static OptionalInt cutOff(String answer) {
    return cutOff(answer, withoutReasoning(answer));
  }

  /** {@link #cutOff(String)} for an answer whose reasoning block was already taken out. */
  private static OptionalInt cutOff(String answer, String text) {
    int length = answer.codePointCount(0, answer.length());
    if (UNCLOSED_REASONING.matcher(text).find()) {
      return OptionalInt.of(length); // the model was still reasoning when it stopped
    }
    return cutOffJson(text, length);
  }

  private static OptionalInt cutOffJson(String text, int length) {
    int from = 0;
    for (int starts = 0; starts < MAX_OBJECT_STARTS; starts++) {
      int open = nextOpening(text, from);
      if (open < 0) {
        return OptionalInt.empty();
      }
      int end = closingEnd(text, open);
      if (end < 0) {
        if (endsMidValue(text.substring(open))) {
          return OptionalInt.of(length);
        }
        from = open + 1; // a stray brace in prose
        continue;
      }
      if (text.charAt(open) == '{' && isObject(text.substring(open, end))) {
        return OptionalInt.empty(); // a complete object comes first
      }
      from = end;
    }
    return OptionalInt.empty();
  }

  private static int nextOpening(String text, int from) {
    int brace = text.indexOf('{', from);
    int bracket = text.indexOf('[', from);
    if (brace < 0 || bracket < 0) {
      return Math.max(brace, bracket);
    }
    return Math.min(brace, bracket);
  }

  /** The index after the bracket closing the one at {@code start}, or -1 when none does. */
  private static int closingEnd(String text, int start) {
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
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
    }
    return -1;
  }

  private static boolean isObject(String span) {
    try {
      return ContentJson.JSON.readTree(span) instanceof ObjectNode;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** Whether the text is valid JSON up to its end, where it stops in the middle of a value. */
  private static boolean endsMidValue(String span) {
    try (JsonParser p = ContentJson.JSON.createParser(span)) {
      while (p.nextToken() != null) {
        // read to the end or the first error
      }
      return false;
    } catch (JsonEOFException e) {
      return true;
    } catch (JsonProcessingException e) {
      String m = e.getOriginalMessage();
      if (m != null && m.startsWith("Unexpected end-of-input")) {
        return true;
      }
      long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
      if (at < 0 || at > span.length()) {
        return false;
      }
      // cut inside a literal or a number: "tru", "nul", "1."
      String rest = span.substring((int) at);
      return rest.isEmpty()
          || "true".startsWith(rest)
          || "false".startsWith(rest)
          || "null".startsWith(rest)
          || rest.equals(".");
    } catch (IOException e) {
      return false;
    }
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
    int end = closingEnd(text, start);
    return end < 0 ? text.substring(start) : text.substring(start, end);
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
