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

  @Test
  void anUnclosedObjectSaysWhereTheJsonEnds() {
    ContentValidationException e =
        catchThrowableOfType(
            ContentValidationException.class,
            () -> JsonExtractor.parseObject("{\"brand_name\": \"Ada\", \"hero\": {"));

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
  void onlyReasoningIsReportedAsSuch() {
    ContentValidationException e =
        catchThrowableOfType(
            ContentValidationException.class,
            () -> JsonExtractor.parseObject("<think>still thinking about it"));

    assertThat(e.errors().get(0)).contains("<think> was never closed");
  }
}
