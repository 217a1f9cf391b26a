package dev.trinity.cli.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Small HTTP GETs against a model server, for the doctor (and the timeout of the offline switch).
 */
final class LlmServerProbe {
  static final Duration TIMEOUT = Duration.ofSeconds(3);

  /** A completed GET: status and body. */
  record Answer(int status, String body) {}

  private LlmServerProbe() {}

  /** Whether anything answers HTTP at the URL (any status counts). */
  static boolean answers(URI url) {
    try {
      get(url, Map.of());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * GETs the URL with a short timeout.
   *
   * @throws IOException when nothing answers (refused, timed out, DNS)
   */
  static Answer get(URI url, Map<String, String> headers) throws IOException {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET();
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
