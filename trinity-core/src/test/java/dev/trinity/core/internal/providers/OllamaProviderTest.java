package dev.trinity.core.internal.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.Capability;
import dev.trinity.api.ConfigurationException;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.MalformedResponseException;
import dev.trinity.api.Message;
import dev.trinity.api.ModelNotFoundException;
import dev.trinity.api.ProviderException;
import dev.trinity.api.ResponseFormat;
import dev.trinity.api.Usage;
import dev.trinity.core.internal.providers.ollama.OllamaProviderFactory;
import java.net.URI;
import org.junit.jupiter.api.Test;

class OllamaProviderTest extends HttpProviderContract {
  static final String CHAT_ANSWER =
      "{\"model\":\"llama3.2:3b\",\"created_at\":\"2026-01-01T00:00:00Z\","
          + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello\"},"
          + "\"done\":true,\"done_reason\":\"stop\",\"total_duration\":123,"
          + "\"prompt_eval_count\":26,\"eval_count\":5}";

  @Override
  LlmProviderFactory factory() {
    return new OllamaProviderFactory();
  }

  @Override
  String path() {
    return "/api/chat";
  }

  @Override
  String okBody() {
    return CHAT_ANSWER;
  }

  @Override
  String bodyWithoutText() {
    return "{\"model\":\"llama3.2:3b\",\"done\":true}";
  }

  @Override
  String textField() {
    return "message.content";
  }

  @Override
  String errorBody(String message) {
    return "{\"error\":\"" + message + "\"}";
  }

  static LlmRequest conversation() {
    return LlmRequest.builder()
        .model(MODEL)
        .systemPrompt("You write portfolios.")
        .addMessage(Message.user("Hi"))
        .addMessage(Message.assistant("Hello"))
        .addMessage(Message.user("Go"))
        .build();
  }

  @Test
  void declaresItsDefaultsAndCapabilities() {
    LlmProviderFactory f = factory();

    assertThat(f.name()).isEqualTo("ollama");
    assertThat(f.defaultBaseUrl()).contains(URI.create("http://localhost:11434"));
    assertThat(f.defaultModel()).contains("llama3.2:3b");
    assertThat(provider().capabilities())
        .containsExactlyInAnyOrder(
            Capability.JSON_MODE, Capability.JSON_SCHEMA, Capability.STREAMING);
  }

  @Test
  void sendsTheChatWithSystemPromptFirstEverySetOptionAndJsonFormat() throws Exception {
    server.enqueue(json(200, CHAT_ANSWER));
    LlmRequest request =
        conversation().toBuilder()
            .temperature(0.2)
            .topP(0.9)
            .maxTokens(128)
            .seed(42L)
            .responseFormat(ResponseFormat.json())
            .build();

    answer(provider().generate(request));

    assertThat(sentBody())
        .isEqualTo(
            tree(
                "{'model':'test-model','messages':["
                    + "{'role':'system','content':'You write portfolios.'},"
                    + "{'role':'user','content':'Hi'},"
                    + "{'role':'assistant','content':'Hello'},"
                    + "{'role':'user','content':'Go'}],"
                    + "'stream':false,'format':'json',"
                    + "'options':{'temperature':0.2,'top_p':0.9,'num_predict':128,'seed':42}}"));
  }

  @Test
  void leavesOutFormatAndOptionsThatAreNotSet() throws Exception {
    server.enqueue(json(200, CHAT_ANSWER));

    answer(provider().generate(request("Hi")));

    assertThat(sentBody())
        .isEqualTo(
            tree(
                "{'model':'test-model','messages':[{'role':'user','content':'Hi'}],"
                    + "'stream':false}"));
  }

  @Test
  void sendsTheSchemaItselfAsFormat() throws Exception {
    server.enqueue(json(200, CHAT_ANSWER));
    String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}";
    LlmRequest request =
        LlmRequest.builder()
            .model(MODEL)
            .prompt("Hi")
            .responseFormat(ResponseFormat.jsonSchema("card", schema))
            .build();

    answer(provider().generate(request));

    assertThat(sentBody().get("format")).isEqualTo(JSON.readTree(schema));
  }

  @Test
  void sendsTheRequestsModelAndTemperatureAndNoDefaultsOfItsOwn() throws Exception {
    server.enqueue(json(200, CHAT_ANSWER));
    server.enqueue(json(200, CHAT_ANSWER));
    var provider = provider(config().temperature(0.7).build());

    answer(
        provider.generate(
            LlmRequest.builder().prompt("Hi").model("qwen3:8b").temperature(0.0).build()));
    answer(provider.generate(request("Hi")));

    var first = sentBody();
    assertThat(first.get("model").asText()).isEqualTo("qwen3:8b");
    assertThat(first.get("options")).isEqualTo(tree("{'temperature':0.0}"));
    var second = sentBody();
    assertThat(second.get("model").asText()).isEqualTo(MODEL);
    // the pipeline puts the configured temperature in the request; the provider adds nothing
    assertThat(second.has("options")).isFalse();
  }

  @Test
  void sendsKeepAliveDurationsAsTextAndSecondsAsNumbers() throws Exception {
    server.enqueue(json(200, CHAT_ANSWER));
    server.enqueue(json(200, CHAT_ANSWER));

    answer(provider(config().option("keep_alive", "5m").build()).generate(request("Hi")));
    answer(provider(config().option("keep_alive", "-1").build()).generate(request("Hi")));

    assertThat(sentBody().get("keep_alive")).isEqualTo(tree("'5m'"));
    assertThat(sentBody().get("keep_alive")).isEqualTo(tree("-1"));
  }

  @Test
  void rejectsAKeepAliveOllamaWouldNotAccept() {
    assertThatThrownBy(() -> provider(config().option("keep_alive", "five minutes").build()))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.key()).isEqualTo("llm.options.keep_alive"));
  }

  @Test
  void rejectsAnUnknownApiNamingTheKeyAndTheAcceptedValues() {
    assertThatThrownBy(() -> provider(config().option("api", "completions").build()))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> {
              assertThat(e.key()).isEqualTo("llm.options.api");
              assertThat(e.getMessage()).contains("chat", "generate", "completions");
            });
  }

  @Test
  void generateApiSendsOnePromptAndTheSystemText() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"model\":\"llama3.2:3b\",\"response\":\"Hello\",\"done\":true,"
                + "\"done_reason\":\"length\",\"prompt_eval_count\":3,\"eval_count\":9}"));
    LlmRequest request = conversation().toBuilder().maxTokens(9).build();

    LlmResponse response =
        answer(provider(config().option("api", "generate").build()).generate(request));

    var r = taken();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/generate");
    assertThat(JSON.readTree(r.getBody().utf8()))
        .isEqualTo(
            tree(
                "{'model':'test-model','prompt':'Hi\\n\\nHello\\n\\nGo',"
                    + "'system':'You write portfolios.','stream':false,"
                    + "'options':{'num_predict':9}}"));
    assertThat(response.text()).isEqualTo("Hello");
    assertThat(response.finishReason()).contains("length");
    assertThat(response.usage()).isEqualTo(new Usage(3, 9));
  }

  @Test
  void readsTheModelFinishReasonAndTokenCounts() throws Exception {
    server.enqueue(json(200, CHAT_ANSWER));

    LlmResponse response = answer(provider().generate(request("Hi")));

    assertThat(response.text()).isEqualTo("Hello");
    assertThat(response.model()).isEqualTo("llama3.2:3b");
    assertThat(response.finishReason()).contains("stop");
    assertThat(response.usage()).isEqualTo(new Usage(26, 5));
  }

  @Test
  void countsMissingTokenCountsAsZero() throws Exception {
    server.enqueue(json(200, "{\"message\":{\"role\":\"assistant\",\"content\":\"\"}}"));

    LlmResponse response = answer(provider().generate(request("Hi")));

    assertThat(response.text()).isEmpty();
    assertThat(response.model()).isEqualTo(MODEL);
    assertThat(response.finishReason()).isEmpty();
    assertThat(response.usage()).isEqualTo(Usage.NONE);
  }

  @Test
  void aMissingModelIsReportedAsModelNotFound() throws Exception {
    Throwable failure =
        failureFor(
            json(404, "{\"error\":\"model \\\"test-model\\\" not found, try pulling it first\"}"));

    assertThat(failure).isInstanceOf(ModelNotFoundException.class);
    ModelNotFoundException e = (ModelNotFoundException) failure;
    assertThat(e.model()).isEqualTo(MODEL);
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("try pulling it first").contains(MODEL);
  }

  @Test
  void aBusyServerIsRetryable() throws Exception {
    Throwable failure =
        failureFor(
            json(
                503,
                errorBody("server busy, please try again.  maximum pending requests exceeded")));

    assertThat(failure).isInstanceOf(ProviderException.class);
    assertThat(((ProviderException) failure).isRetryable()).isTrue();
    assertThat(failure).hasMessageContaining("server busy");
  }

  @Test
  void aModelTooLargeForTheHostIsNotRetryable() throws Exception {
    Throwable failure =
        failureFor(
            json(
                500,
                errorBody(
                    "model requires more system memory (5.6 GiB) than is available (3.1 GiB)")));

    assertThat(failure).isInstanceOf(ProviderException.class);
    ProviderException e = (ProviderException) failure;
    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("requires more system memory");
  }

  @Test
  void aStreamedAnswerIsMalformedRatherThanCutToItsFirstChunk() throws Exception {
    String ndjson =
        "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"Hel\"},\"done\":false}\n"
            + "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"lo\"},\"done\":true}\n";

    Throwable failure = failureFor(json(200, ndjson));

    assertThat(failure).isInstanceOf(MalformedResponseException.class);
    assertThat(failure).hasMessageContaining("not valid JSON");
  }
}
