package dev.trinity.core.internal.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.Capability;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.Message;
import dev.trinity.api.ResponseFormat;
import dev.trinity.api.Usage;
import dev.trinity.core.internal.providers.llamacpp.LlamaCppProviderFactory;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LlamaCppProviderTest extends HttpProviderContract {
  static final String COMPLETION =
      "{\"content\":\"Hello\",\"id_slot\":0,\"stop\":true,"
          + "\"model\":\"models/llama-3.2-3b-instruct-q4_k_m.gguf\","
          + "\"tokens_predicted\":4,\"tokens_evaluated\":21,\"stop_type\":\"eos\","
          + "\"stopping_word\":\"\",\"tokens_cached\":20,\"truncated\":false}";

  @Override
  LlmProviderFactory factory() {
    return new LlamaCppProviderFactory();
  }

  @Override
  String path() {
    return "/completion";
  }

  @Override
  String okBody() {
    return COMPLETION;
  }

  @Override
  String bodyWithoutText() {
    return "{\"stop\":true,\"tokens_predicted\":0}";
  }

  @Override
  String textField() {
    return "content";
  }

  @Override
  String errorBody(String message) {
    return "{\"error\":{\"code\":500,\"message\":\"" + message + "\",\"type\":\"server_error\"}}";
  }

  @Test
  void declaresItsDefaultsAndCapabilities() {
    LlmProviderFactory f = factory();

    assertThat(f.name()).isEqualTo("llamacpp");
    assertThat(f.defaultBaseUrl()).contains(URI.create("http://localhost:8080"));
    assertThat(f.defaultModel()).contains("default");
    assertThat(provider().capabilities())
        .containsExactlyInAnyOrder(
            Capability.JSON_MODE, Capability.JSON_SCHEMA, Capability.STREAMING);
  }

  @Test
  void flattensTheChatIntoOnePromptAndSendsEverySetOption() throws Exception {
    server.enqueue(json(200, COMPLETION));
    LlmRequest request =
        LlmRequest.builder()
            .model(MODEL)
            .systemPrompt("You write portfolios.")
            .addMessage(Message.user("Hi"))
            .addMessage(Message.assistant("Hello"))
            .addMessage(Message.user("Go"))
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
                "{'prompt':'You write portfolios.\\n\\nUser: Hi\\nAssistant: Hello\\n"
                    + "User: Go\\nAssistant:',"
                    + "'stop':['\\nUser:'],'stream':false,'cache_prompt':true,"
                    + "'n_predict':128,'temperature':0.2,'top_p':0.9,'seed':42,"
                    + "'json_schema':{'type':'object'}}"));
  }

  @Test
  void leavesOutSchemaAndOptionsThatAreNotSet() throws Exception {
    server.enqueue(json(200, COMPLETION));

    answer(provider().generate(request("Hi")));

    assertThat(sentBody())
        .isEqualTo(
            tree(
                "{'prompt':'User: Hi\\nAssistant:','stop':['\\nUser:'],"
                    + "'stream':false,'cache_prompt':true}"));
  }

  @Test
  void sendsTheSchemaItselfAsJsonSchema() throws Exception {
    server.enqueue(json(200, COMPLETION));
    String schema = "{\"type\":\"object\",\"required\":[\"name\"]}";
    LlmRequest request =
        LlmRequest.builder()
            .model(MODEL)
            .prompt("Hi")
            .temperature(0.7)
            .responseFormat(ResponseFormat.jsonSchema("card", schema))
            .build();

    answer(provider().generate(request));

    var body = sentBody();
    assertThat(body.get("json_schema")).isEqualTo(JSON.readTree(schema));
    assertThat(body.get("temperature")).isEqualTo(tree("0.7"));
  }

  @Test
  void readsTheModelTokenCountsAndFinishReason() throws Exception {
    server.enqueue(json(200, COMPLETION));

    LlmResponse response = answer(provider().generate(request("Hi")));

    assertThat(response.text()).isEqualTo("Hello");
    assertThat(response.model()).isEqualTo("models/llama-3.2-3b-instruct-q4_k_m.gguf");
    assertThat(response.usage()).isEqualTo(new Usage(21, 4));
    assertThat(response.finishReason()).contains("stop");
  }

  @Test
  void namesTheRequestedModelWhenTheServerDoesNot() throws Exception {
    server.enqueue(json(200, "{\"content\":\"Hello\"}"));

    LlmResponse response =
        answer(
            provider()
                .generate(LlmRequest.builder().model(MODEL).prompt("Hi").model("phi-4").build()));

    assertThat(response.model()).isEqualTo("phi-4");
    assertThat(response.usage()).isEqualTo(Usage.NONE);
    assertThat(response.finishReason()).isEmpty();
  }

  @ParameterizedTest(name = "{0} means {1}")
  @CsvSource({
    "'\"stop_type\":\"eos\"', stop",
    "'\"stop_type\":\"word\"', stop",
    "'\"stop_type\":\"limit\"', length",
    "'\"stopped_eos\":true,\"stopped_limit\":false', stop",
    "'\"stopped_word\":true', stop",
    "'\"stopped_eos\":false,\"stopped_limit\":true', length",
  })
  void mapsWhyTheServerStoppedToAFinishReason(String fields, String reason) throws Exception {
    server.enqueue(json(200, "{\"content\":\"Hello\"," + fields + "}"));

    LlmResponse response = answer(provider().generate(request("Hi")));

    assertThat(response.finishReason()).contains(reason);
  }
}
