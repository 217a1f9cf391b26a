package dev.trinity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmRequestTest {
  @Test
  void aPromptBecomesOneUserMessage() {
    LlmRequest r = LlmRequest.of("hello");

    assertThat(r.messages()).containsExactly(Message.user("hello"));
    assertThat(r.responseFormat()).isEqualTo(ResponseFormat.text());
    assertThat(r.cachePolicy()).isEqualTo(CachePolicy.USE);
    assertThat(r.temperature()).isEmpty();
  }

  @Test
  void toBuilderCopiesEveryField() {
    LlmRequest r =
        LlmRequest.builder()
            .systemPrompt("be brief")
            .addMessage(Message.user("a"))
            .addMessage(Message.assistant("b"))
            .model("m")
            .temperature(0.2)
            .topP(0.9)
            .maxTokens(100)
            .seed(7L)
            .responseFormat(ResponseFormat.jsonSchema("site", "{\"type\":\"object\"}"))
            .timeout(Duration.ofSeconds(5))
            .correlationId("build-1")
            .cachePolicy(CachePolicy.REFRESH)
            .promptVersion("v2")
            .build();

    assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
  }

  @Test
  void aRequestNeedsAMessage() {
    assertThatThrownBy(() -> LlmRequest.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prompt");
  }

  @Test
  void settersRejectOutOfRangeValuesNamingTheField() {
    assertThatThrownBy(() -> LlmRequest.builder().temperature(2.5))
        .hasMessageContaining("temperature");
    assertThatThrownBy(() -> LlmRequest.builder().topP(0.0)).hasMessageContaining("topP");
    assertThatThrownBy(() -> LlmRequest.builder().maxTokens(0)).hasMessageContaining("maxTokens");
    assertThatThrownBy(() -> LlmRequest.builder().timeout(Duration.ZERO))
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> LlmRequest.builder().correlationId("has space"))
        .hasMessageContaining("correlationId");
    assertThatThrownBy(() -> LlmRequest.builder().prompt("  ")).hasMessageContaining("blank");
  }

  @Test
  void theMessageListIsImmutable() {
    LlmRequest r = LlmRequest.builder().messages(List.of(Message.user("a"))).build();

    assertThatThrownBy(() -> r.messages().add(Message.user("b")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toStringLeavesThePromptOut() {
    LlmRequest r = LlmRequest.builder().systemPrompt("secret plan").prompt("my diary").build();

    assertThat(r.toString()).doesNotContain("secret plan").doesNotContain("my diary");
    assertThat(Message.user("my diary").toString()).doesNotContain("my diary");
  }

  @Test
  void jsonSchemaNeedsANameAndAnObject() {
    assertThatThrownBy(() -> ResponseFormat.jsonSchema("bad name", "{}"))
        .hasMessageContaining("schema name");
    assertThatThrownBy(() -> ResponseFormat.jsonSchema("ok", "[]"))
        .hasMessageContaining("JSON object");
  }

  @Test
  void secretsAreMaskedEverywhere() {
    Secret s = Secret.of("sk-test-SECRET-123");

    assertThat(s.toString()).isEqualTo("****");
    assertThat(
            ProviderConfig.builder("openai", java.net.URI.create("https://api.example.com/"), "m")
                .apiKey(s)
                .build()
                .toString())
        .doesNotContain("SECRET")
        .contains("baseUrl=https://api.example.com,");
  }

  @Test
  void aProviderConfigRefusesCredentialsInTheUrl() {
    assertThatThrownBy(
            () ->
                ProviderConfig.builder(
                    "openai", java.net.URI.create("https://u:p@h.example/"), "m"))
        .hasMessageContaining("credentials");
  }

  @Test
  void aCachedResponseNamesItsTier() {
    LlmResponse r =
        LlmResponse.builder()
            .text("t")
            .model("m")
            .provider("p")
            .source(ResponseSource.CACHE, "memory")
            .build();

    assertThat(r.cached()).isTrue();
    assertThat(r.cacheTier()).contains("memory");
    assertThatThrownBy(() -> LlmResponse.builder().source(ResponseSource.CACHE, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBuilderFromARequestChangesItsOwnMessagesNeverTheRequests() {
    LlmRequest original =
        LlmRequest.builder()
            .addMessage(Message.user("first"))
            .addMessage(Message.assistant("second"))
            .build();

    LlmRequest sameMessages = original.toBuilder().model("m").build();
    LlmRequest added = original.toBuilder().addMessage(Message.user("third")).build();
    LlmRequest replaced = original.toBuilder().prompt("only").build();
    LlmRequest set = original.toBuilder().messages(List.of(Message.user("set"))).build();

    assertThat(original.messages()).extracting(Message::content).containsExactly("first", "second");
    assertThat(sameMessages.messages()).isEqualTo(original.messages());
    assertThat(added.messages())
        .extracting(Message::content)
        .containsExactly("first", "second", "third");
    assertThat(replaced.messages()).extracting(Message::content).containsExactly("only");
    assertThat(set.messages()).extracting(Message::content).containsExactly("set");
    assertThatThrownBy(() -> sameMessages.messages().add(Message.user("x")))
        .isInstanceOf(UnsupportedOperationException.class);

    LlmRequest.Builder reused = original.toBuilder();
    LlmRequest before = reused.build();
    reused.addMessage(Message.user("later"));
    assertThat(before.messages()).hasSize(2);
    assertThat(reused.build().messages()).hasSize(3);
  }
}
