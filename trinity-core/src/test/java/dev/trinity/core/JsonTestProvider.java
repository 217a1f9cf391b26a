package dev.trinity.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.api.Capability;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.MalformedResponseException;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ProviderContext;
import dev.trinity.api.Usage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A minimal provider for pipeline tests: POSTs {"prompt": …} to {base}/generate and reads {"text":
 * …, "prompt_tokens": n, "completion_tokens": n}.
 */
final class JsonTestProvider implements LlmProvider {
  static final String NAME = "json-test";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProviderConfig config;
  private final ProviderContext context;

  JsonTestProvider(ProviderConfig config, ProviderContext context) {
    this.config = config;
    this.context = context;
  }

  static LlmProviderFactory factory() {
    return new LlmProviderFactory() {
      @Override
      public String name() {
        return NAME;
      }

      @Override
      public LlmProvider create(ProviderConfig config, ProviderContext context) {
        return new JsonTestProvider(config, context);
      }
    };
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String endpoint() {
    return config.baseUrl().toString();
  }

  @Override
  public String defaultModel() {
    return config.model();
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of();
  }

  @Override
  public CompletableFuture<LlmResponse> generate(LlmRequest request) {
    String model = request.model().orElse(config.model());
    String body =
        JSON.createObjectNode()
            .put("model", model)
            .put("prompt", request.messages().get(0).content())
            .toString();
    HttpRequest.Builder http =
        HttpRequest.newBuilder(URI.create(config.baseUrl() + "/generate"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    config.apiKey().ifPresent(k -> http.header("Authorization", "Bearer " + k.reveal()));
    request.timeout().ifPresent(http::timeout);
    CompletableFuture<java.net.http.HttpResponse<byte[]>> exchange =
        context.transport().send(http.build(), NAME, model);
    CompletableFuture<LlmResponse> out =
        exchange.thenApply(
            r -> {
              try {
                JsonNode n = JSON.readTree(r.body());
                if (n == null || !n.path("text").isTextual()) {
                  throw new MalformedResponseException(
                      NAME, r.statusCode(), "no text field", excerpt(r.body()), null);
                }
                return LlmResponse.builder()
                    .text(n.get("text").asText())
                    .model(model)
                    .provider(NAME)
                    .usage(
                        new Usage(
                            n.path("prompt_tokens").asInt(), n.path("completion_tokens").asInt()))
                    .build();
              } catch (IOException e) {
                throw new MalformedResponseException(
                    NAME, r.statusCode(), "not JSON", excerpt(r.body()), e);
              }
            });
    out.whenComplete(
        (r, e) -> {
          if (out.isCancelled()) {
            exchange.cancel(true);
          }
        });
    return out;
  }

  private static String excerpt(byte[] body) {
    String s = new String(body, StandardCharsets.UTF_8);
    return s.length() > 200 ? s.substring(0, 200) : s;
  }
}
