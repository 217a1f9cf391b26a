package dev.trinity.core.internal.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.Capability;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.MalformedResponseException;
import dev.trinity.api.Message;
import dev.trinity.api.ModelNotFoundException;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ProviderException;
import dev.trinity.api.ResponseFormat;
import dev.trinity.api.Secret;
import dev.trinity.api.Usage;
import dev.trinity.core.internal.providers.openai.OpenAiProviderFactory;
import java.net.URI;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class OpenAiProviderTest extends HttpProviderContract {
  static final String KEY = "sk-test-SECRET-123";
  static final String COMPLETION =
      "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1767225600,"
          + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello\"},"
          + "\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}";

  @Override
  LlmProviderFactory factory() {
    return new OpenAiProviderFactory();
  }

  @Override
  String path() {
    return "/v1/chat/completions";
  }

  @Override
  String okBody() {
    return COMPLETION;
  }

  @Override
  String bodyWithoutText() {
    return "{\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\"}]}";
  }

  @Override
  String textField() {
    return "choices[0].message.content";
  }

  @Override
  String errorBody(String message) {
    return "{\"error\":{\"message\":\""
        + message
        + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"some_code\"}}";
  }

  @Test
  void declaresItsDefaultsAndCapabilities() {
    LlmProviderFactory f = factory();

    assertThat(f.name()).isEqualTo("openai");
    assertThat(f.defaultBaseUrl()).contains(URI.create("https://api.openai.com"));
    assertThat(f.defaultModel()).contains("gpt-4o-mini");
    assertThat(provider().capabilities())
        .containsExactlyInAnyOrder(
            Capability.JSON_MODE, Capability.JSON_SCHEMA, Capability.STREAMING);
  }

  @Test
  void sendsTheChatWithSystemPromptFirstEverySetOptionAndJsonMode() throws Exception {
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
                "{'model':'test-model','messages':["
                    + "{'role':'system','content':'You write portfolios.'},"
                    + "{'role':'user','content':'Hi'},"
                    + "{'role':'assistant','content':'Hello'},"
                    + "{'role':'user','content':'Go'}],"
                    + "'stream':false,'temperature':0.2,'top_p':0.9,'max_tokens':128,'seed':42,"
                    + "'response_format':{'type':'json_object'}}"));
  }

  @Test
  void leavesOutResponseFormatAndOptionsThatAreNotSet() throws Exception {
    server.enqueue(json(200, COMPLETION));

    answer(provider().generate(request("Hi")));

    assertThat(sentBody())
        .isEqualTo(
            tree(
                "{'model':'test-model','messages':[{'role':'user','content':'Hi'}],"
                    + "'stream':false}"));
  }

  @Test
  void sendsAStrictJsonSchemaWithTheSchemaAsAnObject() throws Exception {
    server.enqueue(json(200, COMPLETION));
    String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}";
    LlmRequest request =
        LlmRequest.builder()
            .model(MODEL)
            .prompt("Hi")
            .temperature(0.7)
            .responseFormat(ResponseFormat.jsonSchema("card", schema))
            .build();

    answer(provider().generate(request));

    assertThat(sentBody())
        .isEqualTo(
            tree(
                "{'model':'test-model','messages':[{'role':'user','content':'Hi'}],"
                    + "'stream':false,'temperature':0.7,"
                    + "'response_format':{'type':'json_schema','json_schema':{'name':'card',"
                    + "'schema':"
                    + schema.replace('"', '\'')
                    + ",'strict':true}}}"));
  }

  @Test
  void sendsTheApiKeyAsABearerTokenWhenOneIsConfigured() throws Exception {
    server.enqueue(json(200, COMPLETION));

    answer(provider(config().apiKey(Secret.of(KEY)).build()).generate(request("Hi")));

    assertThat(taken().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void doesNotAddASecondV1ToABaseUrlThatHasOne() throws Exception {
    server.enqueue(json(200, COMPLETION));
    URI lmStudio = URI.create(server.url("/v1").toString());

    answer(
        provider(ProviderConfig.builder("openai", lmStudio, MODEL).build())
            .generate(request("Hi")));

    assertThat(taken().getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
  }

  @Test
  void keepsABaseUrlPathInFrontOfV1() throws Exception {
    server.enqueue(json(200, COMPLETION));
    URI proxied = URI.create(server.url("/proxy/openai/").toString());

    answer(
        provider(ProviderConfig.builder("openai", proxied, MODEL).build()).generate(request("Hi")));

    assertThat(taken().getUrl().encodedPath()).isEqualTo("/proxy/openai/v1/chat/completions");
  }

  @Test
  void readsTheModelFinishReasonAndUsage() throws Exception {
    server.enqueue(json(200, COMPLETION));

    LlmResponse response = answer(provider().generate(request("Hi")));

    assertThat(response.text()).isEqualTo("Hello");
    assertThat(response.model()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(response.finishReason()).contains("stop");
    assertThat(response.usage()).isEqualTo(new Usage(12, 3));
  }

  @Test
  void aNullContentIsMalformed() throws Exception {
    Throwable failure =
        failureFor(
            json(
                200,
                "{\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                    + "\"content\":null,\"refusal\":\"no\"},\"finish_reason\":\"stop\"}]}"));

    assertThat(failure).isInstanceOf(MalformedResponseException.class);
    assertThat(failure).hasMessageContaining("null choices[0].message.content");
  }

  @Test
  void noChoicesIsMalformed() throws Exception {
    Throwable failure = failureFor(json(200, "{\"model\":\"m\",\"choices\":[]}"));

    assertThat(failure).isInstanceOf(MalformedResponseException.class);
    assertThat(failure).hasMessageContaining("choices[0].message.content");
  }

  @Test
  void theErrorMessageAndCodeShowInTheException() throws Exception {
    Throwable failure =
        failureFor(
            json(
                400,
                "{\"error\":{\"message\":\"Invalid value for 'temperature'\","
                    + "\"type\":\"invalid_request_error\",\"code\":\"invalid_value\"}}"));

    assertThat(failure).isExactlyInstanceOf(ProviderException.class);
    assertThat(failure.getMessage())
        .contains("Invalid value for 'temperature'")
        .contains("invalid_value");
  }

  @Test
  void theApiKeyNeverShowsInExceptionsOrConfiguration() throws Exception {
    server.enqueue(
        json(
            401,
            "{\"error\":{\"message\":\"Incorrect API key provided: "
                + KEY
                + ". You can find your API key at https://platform.openai.com.\","
                + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
    ProviderConfig config = config().apiKey(Secret.of(KEY)).build();
    LlmProvider provider = provider(config);

    Throwable failure = failureOf(provider.generate(request("Hi")));

    assertThat(failure).isExactlyInstanceOf(ProviderException.class);
    assertThat(((ProviderException) failure).statusCode()).isEqualTo(401);
    assertThat(failure.getMessage()).contains("Incorrect API key provided").doesNotContain(KEY);
    assertThat(failure.toString()).doesNotContain(KEY);
    assertThat(config.toString()).doesNotContain(KEY);
    assertThat(provider.toString()).doesNotContain(KEY);
  }

  @Test
  void theApiKeyNeverShowsWhenA200BodyEchoesIt() throws Exception {
    server.enqueue(json(200, "{\"error\":{\"message\":\"key " + KEY + " is disabled\"}}"));
    server.enqueue(json(200, "{\"echo\":\"" + KEY + "\"}"));
    LlmProvider provider = provider(config().apiKey(Secret.of(KEY)).build());

    Throwable error = failureOf(provider.generate(request("Hi")));
    Throwable malformed = failureOf(provider.generate(request("Hi")));

    assertThat(error).hasMessageContaining("is disabled");
    assertThat(error.getMessage()).doesNotContain(KEY);
    assertThat(malformed).isInstanceOf(MalformedResponseException.class);
    assertThat(((MalformedResponseException) malformed).bodyExcerpt())
        .contains("echo")
        .doesNotContain(KEY);
  }

  @Test
  void omitsTheAuthorizationHeaderWithoutAKey() throws Exception {
    server.enqueue(json(200, COMPLETION));

    answer(provider().generate(request("Hi")));

    RecordedRequest r = taken();
    assertThat(r.getHeaders().names()).doesNotContain("Authorization");
  }

  @Test
  void anUnknownModelIsReportedAsModelNotFound() throws Exception {
    Throwable failure =
        failureFor(
            json(
                404,
                "{\"error\":{\"message\":\"The model `gpt-9` does not exist or you do not have"
                    + " access to it.\",\"type\":\"invalid_request_error\","
                    + "\"code\":\"model_not_found\"}}"));

    assertThat(failure).isInstanceOf(ModelNotFoundException.class);
    assertThat(((ModelNotFoundException) failure).model()).isEqualTo(MODEL);
    assertThat(failure).hasMessageContaining("does not exist");
  }
}
