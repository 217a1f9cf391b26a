package dev.trinity.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.Message;
import dev.trinity.api.ResponseFormat;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CassetteKeysTest {
  static final LlmRequest BASE =
      LlmRequest.builder()
          .systemPrompt("You write portfolio sites.")
          .prompt("Write a one-line bio for Ada, a Rust developer")
          .model("llama3.2")
          .temperature(0.2)
          .build();

  @Test
  void logicallyEqualRequestsGetTheSameKey() {
    LlmRequest same =
        LlmRequest.builder()
            .systemPrompt("You write portfolio sites.")
            .messages(List.of(Message.user("Write a one-line bio for Ada, a Rust developer")))
            .model("llama3.2")
            .temperature(0.2)
            .correlationId("req-42")
            .timeout(Duration.ofSeconds(3))
            .cachePolicy(CachePolicy.BYPASS)
            .build();

    assertThat(CassetteKeys.of("ollama", same)).isEqualTo(CassetteKeys.of("ollama", BASE));
  }

  @Test
  void theKeyIsSixtyFourHexCharactersAndStableAcrossReleases() {
    // pinned: a change here means every committed cassette stops matching; bump VERSION instead
    assertThat(CassetteKeys.of("ollama", LlmRequest.builder().prompt("hi").model("m").build()))
        .matches("[0-9a-f]{64}")
        .isEqualTo("d3d3ada06aea7f56dd20c8eba75708aa5fad9f436db85d5cefe28168aa900859");
    assertThat(CassetteKeys.VERSION).isEqualTo("v1");
  }

  @Test
  void everythingThatChangesTheAnswerChangesTheKey() {
    List<LlmRequest> variants =
        List.of(
            BASE,
            BASE.toBuilder().prompt("Write a one-line bio for Ada, a Go developer").build(),
            BASE.toBuilder().model("qwen2.5").build(),
            BASE.toBuilder().temperature(0.7).build(),
            BASE.toBuilder().temperature(null).build(),
            BASE.toBuilder().systemPrompt("You write résumés.").build(),
            BASE.toBuilder().systemPrompt(null).build(),
            BASE.toBuilder().topP(0.9).build(),
            BASE.toBuilder().maxTokens(200).build(),
            BASE.toBuilder().seed(7L).build(),
            BASE.toBuilder().responseFormat(ResponseFormat.json()).build(),
            BASE.toBuilder()
                .responseFormat(ResponseFormat.jsonSchema("bio", "{\"type\":\"object\"}"))
                .build(),
            BASE.toBuilder().promptVersion("hero-v2").build(),
            BASE.toBuilder().addMessage(Message.assistant("Ada writes Rust.")).build(),
            BASE.toBuilder()
                .messages(List.of(Message.system("Write a one-line bio for Ada, a Rust developer")))
                .build());

    Stream<String> keys = variants.stream().map(r -> CassetteKeys.of("ollama", r));
    assertThat(keys).doesNotHaveDuplicates().hasSize(variants.size());
    assertThat(CassetteKeys.of("openai", BASE)).isNotEqualTo(CassetteKeys.of("ollama", BASE));
  }

  @Test
  void fieldBoundariesCannotBeShiftedToForgeACollision() {
    LlmRequest a =
        LlmRequest.builder()
            .messages(List.of(Message.user("ab"), Message.user("c")))
            .model("m")
            .build();
    LlmRequest b =
        LlmRequest.builder()
            .messages(List.of(Message.user("a"), Message.user("bc")))
            .model("m")
            .build();

    assertThat(CassetteKeys.of("p", a)).isNotEqualTo(CassetteKeys.of("p", b));
  }
}
