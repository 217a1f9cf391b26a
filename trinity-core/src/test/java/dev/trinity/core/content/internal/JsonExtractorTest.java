package dev.trinity.core.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trinity.api.ContentValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonExtractorTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "{\"brand_name\":\"Ada\"}",
        "  \n{\"brand_name\":\"Ada\"}\n  ",
        "```json\n{\"brand_name\":\"Ada\"}\n```",
        "```\n{\"brand_name\":\"Ada\"}\n```",
        "Here is the content you asked for:\n```json\n{\"brand_name\":\"Ada\"}\n```\nEnjoy!",
        "Sure! {\"brand_name\":\"Ada\"} Let me know if you need changes.",
        "<think>The user wants JSON. {not this}</think>\n{\"brand_name\":\"Ada\"}",
        "<think>\nplan the answer\n</think>\n\n```json\n{\"brand_name\":\"Ada\"}\n```",
        "reasoning without an opening tag</think>{\"brand_name\":\"Ada\"}",
        "I will use {braces} in prose first, then {\"brand_name\":\"Ada\"}",
        "{\"brand_name\":\"Ada\",}",
        "\uFEFF{\"brand_name\":\"Ada\"}"
      })
  void findsTheObjectWhereverTheModelPutIt(String answer) {
    assertThat(JsonExtractor.parseObject(answer).get("brand_name").asText()).isEqualTo("Ada");
  }

  @Test
  void bracesInsideStringsDoNotEndTheObject() {
    String answer = "Result: {\"tagline\":\"a } and a { in text\",\"brand_name\":\"Ada\"} done";

    assertThat(JsonExtractor.parseObject(answer).get("tagline").asText())
        .isEqualTo("a } and a { in text");
  }

  @Test
  void anAnswerWithoutAnObjectSaysSo() {
    ContentValidationException e =
        catchThrowableOfType(
            ContentValidationException.class,
            () -> JsonExtractor.parseObject("I cannot help with that."));

    assertThat(e.errors()).containsExactly("$: the answer contains no JSON object");
    assertThat(e.rawOutput()).isEqualTo("I cannot help with that.");
  }

  static final String CUT =
      "{\"brand_name\": \"Ada\", \"hero\": {\"title\": \"Tools\", \"subtitle\": \"Small\"},"
          + " \"repos\": [{\"name\": \"pgwatch-lite\", \"description\": \"Metrics\"},"
          + " {\"name\": \"kube-jan";

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        CUT,
        "```json\n" + CUT,
        "Here is the content:\n" + CUT,
        "<think>plan</think>\n" + CUT,
        "{\"brand_name\": \"Ada\", \"repos\": [{\"name\": \"x\", \"stars\": 12",
        "{\"brand_name\": \"Ada\", \"tagline\": \"ends in an escape \\",
        "{\"brand_name\": \"Ada\", \"cta\": nul",
        "{\"brand_name\": \"Ada\", \"hero\": {\"title\": \"T\"}, \"stars\": 1.",
        "{\"brand_name\": \"Ada\",",
        "[{\"brand_name\": \"Ada\"}, {\"brand",
        "I will use {braces} in prose first, then " + CUT
      })
  void anAnswerThatStopsInsideItsJsonIsCutOffNotAnInnerObject(String answer) {
    ContentValidationException e =
        catchThrowableOfType(
            ContentValidationException.class, () -> JsonExtractor.parseObject(answer));

    int length = answer.codePointCount(0, answer.length());
    assertThat(JsonExtractor.cutOff(answer)).hasValue(length);
    assertThat(e.errors())
        .containsExactly(
            "$: the answer was cut off after " + length + " characters (token limit?)");
  }

  @Test
  void aCutOffAnswerSaysSoWhenTheProviderReportedTheLimit() {
    ContentValidationException e =
        catchThrowableOfType(
            ContentValidationException.class, () -> JsonExtractor.parseObject(CUT, true));

    assertThat(e.errors())
        .containsExactly(
            "$: the answer was cut off after "
                + CUT.length()
                + " characters (the model stopped at its token limit)");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "{\"brand_name\":\"Ada\"}",
        "{\"brand_name\":\"Ada\"} and a stray { at the end",
        "{\"brand_name\":\"Ada\"}\nA longer version: {\"brand_name\": \"Ada K",
        "a stray { brace in prose, then {\"brand_name\":\"Ada\"}",
        "{\"brand_name\": oops",
        "```json\n{\"brand_name\": \"Ada\"\n```",
        "no JSON at all",
        ""
      })
  void completeOrMalformedAnswersAreNotCutOff(String answer) {
    assertThat(JsonExtractor.cutOff(answer)).isEmpty();
  }

  @Test
  void anObjectLeftOpenInsideAClosedFenceSaysWhereTheJsonEnds() {
    ContentValidationException e =
        catchThrowableOfType(
            ContentValidationException.class,
            () -> JsonExtractor.parseObject("```json\n{\"brand_name\": \"Ada\"\n```"));

    assertThat(e.errors()).singleElement().asString().startsWith("$: the JSON ends before");
  }

  @Test
  void brokenJsonNamesTheLineAndColumnWithoutQuotingTheAnswer() {
    ContentValidationException e =
        catchThrowableOfType(
            ContentValidationException.class,
            () -> JsonExtractor.parseObject("{\n  \"brand_name\": SECRETWORD\n}"));

    assertThat(e.errors())
        .singleElement()
        .asString()
        .contains("line 2")
        .doesNotContain("SECRETWORD");
    assertThat(e.getMessage()).doesNotContain("SECRETWORD");
  }

  @Test
  void anArrayIsNotAnObject() {
    ContentValidationException e =
        catchThrowableOfType(
            ContentValidationException.class, () -> JsonExtractor.parseObject("[1, 2]"));

    assertThat(e.errors()).containsExactly("$: expected a JSON object, got an array");
  }

  @Test
  void onlyReasoningIsReportedAsCutOffInsideTheReasoning() {
    ContentValidationException e =
        catchThrowableOfType(
            ContentValidationException.class,
            () -> JsonExtractor.parseObject("<think>still thinking about it"));

    assertThat(e.errors())
        .containsExactly(
            "$: the answer was cut off after 30 characters, inside its reasoning (<think> was"
                + " never closed) (token limit?)");
  }
}
