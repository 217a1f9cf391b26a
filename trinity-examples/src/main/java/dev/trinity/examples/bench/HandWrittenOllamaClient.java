package dev.trinity.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The baseline the SDK is measured against: the Ollama client a developer would write by hand in a
 * few lines with {@code java.net.http} and Jackson. It builds the same JSON body the SDK sends,
 * posts it with a timeout, checks the status, and parses the answer to read {@code
 * message.content}. No retries, no deadline, no logging, no limits.
 */
final class HandWrittenOllamaClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI chat;

  HandWrittenOllamaClient(URI baseUrl) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.chat = URI.create(baseUrl + "/api/chat");
  }

  /** One chat call with the blocking {@code send}. */
  String chat(String model, String prompt) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        http.send(request(model, prompt), HttpResponse.BodyHandlers.ofByteArray());
    return answer(r);
  }

  /** One chat call with {@code sendAsync}. */
  CompletableFuture<String> chatAsync(String model, String prompt) throws IOException {
    return http.sendAsync(request(model, prompt), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(HandWrittenOllamaClient::answer);
  }

  private HttpRequest request(String model, String prompt) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    body.putArray("messages").addObject().put("role", "user").put("content", prompt);
    body.put("stream", false);
    body.putObject("options").put("temperature", 0.7);
    return HttpRequest.newBuilder(chat)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
        .build();
  }

  private static String answer(HttpResponse<byte[]> r) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + r.statusCode());
    }
    try {
      JsonNode answer = JSON.readTree(r.body());
      JsonNode content = answer.path("message").path("content");
      if (!content.isTextual()) {
        throw new IllegalStateException("no message.content in the answer");
      }
      return content.asText();
    } catch (IOException e) {
      throw new IllegalStateException("the answer is not JSON", e);
    }
  }
}
