package dev.trinity.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.ProviderException;
import dev.trinity.api.ProviderException.Kind;
import dev.trinity.api.RateLimitedException;
import dev.trinity.core.internal.http.RetryHints.Source;
import dev.trinity.core.internal.pipeline.LlmFailures;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rate-limit hints as providers really send them, one row each, through the real HTTP error mapping
 * ({@link HttpErrors#fromStatus}): the delay the failure carries, where it was read, the failure's
 * kind and whether the adaptive concurrency limit takes it as an overload signal. Each row names
 * where its header or body was seen; rows marked "robustness" are malformed or hostile values, not
 * samples.
 */
class RetryHintsTableTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  record Row(
      int status,
      Map<String, String> headers,
      String body,
      @Nullable Duration delay,
      @Nullable Source source,
      Kind kind) {}

  /** Starts a row: status and body. */
  private static Builder answer(int status, String body) {
    return new Builder(status, body);
  }

  private static final class Builder {
    private final int status;
    private final String body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Builder(int status, String body) {
      this.status = status;
      this.body = body;
    }

    Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Named<Row> waits(String name, Duration delay, Source source, Kind kind) {
      return Named.of(name, new Row(status, headers, body, delay, source, kind));
    }

    Named<Row> noHint(String name, Kind kind) {
      return Named.of(name, new Row(status, headers, body, null, null, kind));
    }
  }

  /** An OpenAI-shaped error body carrying {@code message}. */
  private static String openAi(String message, String type, @Nullable String code) {
    return "{\"error\":{\"message\":\""
        + message
        + "\",\"type\":\""
        + type
        + "\",\"param\":null,\"code\":"
        + (code == null ? "null" : "\"" + code + "\"")
        + "}}";
  }

  static Stream<Named<Row>> rows() {
    return Stream.of(
        // --- headers ---
        answer(500, "{\"error\":\"server error\"}")
            .header("retry-after-ms", "10")
            .waits(
                "retry-after-ms on a 500 (anthropic-sdk-python tests/lib/test_bedrock.py; read"
                    + " first by openai-python _base_client._calculate_retry_timeout)",
                Duration.ofMillis(10),
                Source.RETRY_AFTER_MS,
                Kind.OVERLOADED),
        answer(429, "{}")
            .header("retry-after-ms", "1500")
            .header("retry-after", "2")
            .waits(
                "retry-after-ms wins over Retry-After (openai-python reads it first)",
                Duration.ofMillis(1500),
                Source.RETRY_AFTER_MS,
                Kind.RATE_LIMITED),
        answer(503, "{}")
            .header("retry-after-ms", "0")
            .waits(
                "retry-after-ms 0: retry at once (openai-python accepts a hint from 0 s)",
                Duration.ZERO,
                Source.RETRY_AFTER_MS,
                Kind.UNAVAILABLE),
        answer(429, "{}")
            .header("x-ms-retry-after-ms", "2500")
            .waits(
                "x-ms-retry-after-ms (Azure/azure-sdk-for-js core-rest-pipeline"
                    + " throttlingRetryStrategy)",
                Duration.ofMillis(2500),
                Source.X_MS_RETRY_AFTER_MS,
                Kind.RATE_LIMITED),
        answer(429, "{}")
            .header("Retry-After", "45")
            .waits(
                "Retry-After seconds (RFC 9110 10.2.3; Azure OpenAI 429, icereed/paperless-gpt#814)",
                Duration.ofSeconds(45),
                Source.RETRY_AFTER,
                Kind.RATE_LIMITED),
        answer(503, "")
            .header("Retry-After", "Thu, 01 Jan 2026 00:00:30 GMT")
            .waits(
                "Retry-After as an HTTP date on a 503 (RFC 9110 10.2.3)",
                Duration.ofSeconds(30),
                Source.RETRY_AFTER,
                Kind.UNAVAILABLE),
        answer(503, "")
            .header("Retry-After", "Wed, 31 Dec 2025 23:59:00 GMT")
            .waits(
                "Retry-After as an HTTP date already past: retry at once (RFC 9110 10.2.3)",
                Duration.ZERO,
                Source.RETRY_AFTER,
                Kind.UNAVAILABLE),
        answer(429, "{}")
            .header("x-ratelimit-limit-requests", "60")
            .header("x-ratelimit-remaining-requests", "59")
            .header("x-ratelimit-reset-requests", "1s")
            .header("x-ratelimit-limit-tokens", "150000")
            .header("x-ratelimit-remaining-tokens", "0")
            .header("x-ratelimit-reset-tokens", "6m0s")
            .waits(
                "x-ratelimit-reset-tokens 6m0s, tokens exhausted (OpenAI rate-limit headers, as"
                    + " quoted in alexrudall/ruby-openai#419)",
                Duration.ofMinutes(6),
                Source.RESET_TOKENS,
                Kind.RATE_LIMITED),
        answer(429, "{}")
            .header("x-ratelimit-remaining-requests", "0")
            .header("x-ratelimit-reset-requests", "1s")
            .header("x-ratelimit-remaining-tokens", "149984")
            .header("x-ratelimit-reset-tokens", "6m0s")
            .waits(
                "x-ratelimit-reset-requests 1s, requests exhausted (OpenAI rate-limit headers,"
                    + " alexrudall/ruby-openai#419)",
                Duration.ofSeconds(1),
                Source.RESET_REQUESTS,
                Kind.RATE_LIMITED),
        answer(429, "{}")
            .header("x-ratelimit-remaining-requests", "0")
            .header("x-ratelimit-reset-requests", "1s")
            .header("x-ratelimit-remaining-tokens", "0")
            .header("x-ratelimit-reset-tokens", "6m0s")
            .waits(
                "both budgets exhausted: the larger reset (OpenAI rate-limit headers)",
                Duration.ofMinutes(6),
                Source.RESET_TOKENS,
                Kind.RATE_LIMITED),
        answer(429, "{}")
            .header("x-ratelimit-reset-requests", "20ms")
            .header("x-ratelimit-reset-tokens", "1.5s")
            .waits(
                "a 429 with resets but no remaining counts: the larger reset (OpenAI duration"
                    + " syntax)",
                Duration.ofMillis(1500),
                Source.RESET_TOKENS,
                Kind.RATE_LIMITED),
        answer(
                500,
                openAi(
                    "The server had an error while processing your request. Sorry about that!",
                    "server_error",
                    null))
            .header("x-ratelimit-remaining-requests", "4999")
            .header("x-ratelimit-reset-requests", "12ms")
            .header("x-ratelimit-remaining-tokens", "159976")
            .header("x-ratelimit-reset-tokens", "9ms")
            .noHint(
                "OpenAI sends its budgets on every answer: a 500 with budget left has no hint and"
                    + " stays a server error (OpenAI rate-limit headers, tjardoo/openai-client#33)",
                Kind.SERVER),
        answer(429, "{}")
            .header("x-ratelimit-limit-tokens", "-1")
            .header("x-ratelimit-remaining-tokens", "-1")
            .header("x-ratelimit-reset-tokens", "0")
            .noHint(
                "Azure OpenAI remaining -1 and reset 0 say nothing (openai/openai-dotnet#838)",
                Kind.RATE_LIMITED),
        // --- bodies ---
        answer(
                429,
                openAi(
                    "Rate limit reached for gpt-4o in organization org-uOtiSEwvUnroadaOnJJquBEC on"
                        + " tokens per min (TPM): Limit 30000, Used 29937, Requested 385. Please"
                        + " try again in 644ms. Visit https://platform.openai.com/account/rate-limits"
                        + " to learn more.",
                    "tokens",
                    "rate_limit_exceeded"))
            .waits(
                "OpenAI TPM body 'Please try again in 644ms' (BuilderIO/micro-agent#86)",
                Duration.ofMillis(644),
                Source.BODY,
                Kind.RATE_LIMITED),
        answer(
                429,
                openAi(
                    "Rate limit reached for 10KTPM-200RPM in organization"
                        + " org-gvAzf6Q9pR7y2UAiI9owd3LF on tokens per min. Limit: 10000 / min."
                        + " Please try again in 6ms. Contact us through our help center at"
                        + " help.openai.com if you continue to have issues.",
                    "tokens",
                    "rate_limit_exceeded"))
            .waits(
                "OpenAI body 'Please try again in 6ms' (daveshap/Medical_Intake#9)",
                Duration.ofMillis(6),
                Source.BODY,
                Kind.RATE_LIMITED),
        answer(
                429,
                openAi(
                    "Rate limit reached for model `llama-3.3-70b-versatile` in organization"
                        + " `org_01kjh7p9n8f1qs6nz2bz77vy6b` service tier `on_demand` on tokens per"
                        + " day (TPD): Limit 100000, Used 97050, Requested 3619. Please try again"
                        + " in 9m38.016s. Need more tokens? Upgrade to Dev Tier today at"
                        + " https://console.groq.com/settings/billing",
                    "tokens",
                    "rate_limit_exceeded"))
            .waits(
                "Groq (OpenAI-compatible) 'Please try again in 9m38.016s'"
                    + " (continuedev/continue#10920)",
                Duration.ofMillis(9 * 60_000 + 38_016),
                Source.BODY,
                Kind.RATE_LIMITED),
        answer(
                429,
                "{\"error\":{\"code\":\"429\",\"message\":\"Your requests to gpt-4.1-nano for"
                    + " gpt-4.1-nano in Sweden Central have exceeded the token rate limit for your"
                    + " current AIServices S0 pricing tier. This request was for"
                    + " ChatCompletions_Create under Azure OpenAI API version 2023-05-15. Please"
                    + " retry after 45 seconds.\"}}")
            .waits(
                "Azure OpenAI body 'Please retry after 45 seconds' (icereed/paperless-gpt#814)",
                Duration.ofSeconds(45),
                Source.BODY,
                Kind.RATE_LIMITED),
        answer(
                429,
                "{\"error\":{\"code\":\"429\",\"message\":\"Requests to the ChatCompletions_Create"
                    + " Operation under Azure OpenAI API version 2024-05-01-preview have exceeded"
                    + " token rate limit of your current OpenAI S0 pricing tier. Please retry after"
                    + " 86400 seconds. Please go here: https://aka.ms/oai/quotaincrease if you"
                    + " would like to further increase the default rate limit.\"}}")
            .waits(
                "Azure OpenAI daily quota 'Please retry after 86400 seconds'"
                    + " (alex-wolf-ps/dbchatprov2#2)",
                Duration.ofDays(1),
                Source.BODY,
                Kind.RATE_LIMITED),
        answer(
                429,
                "{\"success\":false,\"error\":{\"message\":\"azure-openai error: The system is"
                    + " currently experiencing high demand and cannot process your request. Your"
                    + " request exceeds the maximum usage size allowed during peak load. Please"
                    + " retry after 20 seconds. For improved latency reliability, consider"
                    + " switching to Provisioned Throughput.\",\"code\":\"RATE_LIMITED\","
                    + "\"timestamp\":\"2025-12-21T01:27:42.111Z\"},\"status\":429}")
            .waits(
                "Azure OpenAI peak load behind a proxy 'Please retry after 20 seconds'"
                    + " (pollinations/pollinations#6260)",
                Duration.ofSeconds(20),
                Source.BODY,
                Kind.RATE_LIMITED),
        answer(429, "Rate limit is exceeded. Try again in 30 seconds.")
            .waits(
                "Azure API Management 'Rate limit is exceeded. Try again in 30 seconds.'"
                    + " (Azure-Samples/azure-search-openai-demo#177)",
                Duration.ofSeconds(30),
                Source.BODY,
                Kind.RATE_LIMITED),
        answer(
                429,
                openAi(
                    "No deployments available for selected model, Try again in 60 seconds. Passed"
                        + " model=claude-3-haiku-20240307. Try again in 60 seconds.",
                    "None",
                    "429"))
            .waits(
                "LiteLLM proxy router 'Try again in 60 seconds' (BerriAI/litellm#5177; a 429"
                    + " since BerriAI/litellm#2493)",
                Duration.ofSeconds(60),
                Source.BODY,
                Kind.RATE_LIMITED),
        answer(
                429,
                openAi(
                    "litellm.RateLimitError: AzureException RateLimitError - Error code: 429 -"
                        + " {'error': {'code': '429', 'message': 'Requests to the"
                        + " ChatCompletions_Create Operation under Azure OpenAI API version"
                        + " 2023-05-15 have exceeded token rate limit of your current AIServices S0"
                        + " pricing tier. Please retry after 86400 seconds. Please contact Azure"
                        + " support service if you would like to further increase the default rate"
                        + " limit.'}}\\nReceived Model Group=azure-gpt-4o-mini\\nAvailable Model"
                        + " Group Fallbacks=None",
                    "throttling_error",
                    "429"))
            .waits(
                "LiteLLM proxy passing Azure's hint on, past the 300-character message"
                    + " (jasonacox/TinyLLM#17)",
                Duration.ofDays(1),
                Source.BODY,
                Kind.RATE_LIMITED),
        answer(
                429,
                "{\"error\":{\"code\":429,\"message\":\"Resource exhausted. Please try again later."
                    + " Please refer to"
                    + " https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for"
                    + " more details.\",\"status\":\"RESOURCE_EXHAUSTED\"}}")
            .noHint(
                "Vertex AI 'Please try again later' names no time (google-gemini/gemini-cli#14811)",
                Kind.RATE_LIMITED),
        answer(
                429,
                openAi(
                    "Request too large for gpt-4o in organization org-78asdf87asdf9aaa8976 on"
                        + " tokens per min (TPM): Limit 30000, Requested 31538. The input or output"
                        + " tokens must be reduced in order to run successfully. Visit"
                        + " https://platform.openai.com/account/rate-limits to learn more.",
                    "tokens",
                    "rate_limit_exceeded"))
            .noHint(
                "OpenAI 'Request too large' gives no time (TheR1D/shell_gpt#653)",
                Kind.RATE_LIMITED),
        answer(
                503,
                "{\"error\":\"Server overloaded, please retry shortly (ref:"
                    + " aaa65c70-cfa0-446b-86f1-4ab0e2deb9e4)\"}")
            .noHint(
                "Ollama cloud 'please retry shortly' names no time, but says it is overloaded"
                    + " (ollama/ollama#15934)",
                Kind.OVERLOADED),
        // --- robustness: malformed and hostile values ---
        answer(429, "{}")
            .header("Retry-After", "soon")
            .header("retry-after-ms", "fast")
            .noHint(
                "robustness: unreadable Retry-After and retry-after-ms are ignored",
                Kind.RATE_LIMITED),
        answer(429, openAi("Please try again in 6ms.", "tokens", "rate_limit_exceeded"))
            .header("retry-after-ms", "1e3")
            .waits(
                "robustness: an unreadable header gives way to the next source",
                Duration.ofMillis(6),
                Source.BODY,
                Kind.RATE_LIMITED),
        answer(503, "{}")
            .header("retry-after-ms", "999999999999999999")
            .waits(
                "robustness: an absurd retry-after-ms is clamped to one day",
                RetryHints.MAX,
                Source.RETRY_AFTER_MS,
                Kind.UNAVAILABLE),
        answer(429, "{}")
            .header("Retry-After", "-5")
            .waits(
                "robustness: a negative Retry-After counts as zero",
                Duration.ZERO,
                Source.RETRY_AFTER,
                Kind.RATE_LIMITED),
        answer(429, "{}")
            .header("Retry-After", "Fri, 01 Jan 2100 00:00:00 GMT")
            .waits(
                "robustness: a date decades away is clamped to one day",
                RetryHints.MAX,
                Source.RETRY_AFTER,
                Kind.RATE_LIMITED),
        answer(429, "{}")
            .header("x-ratelimit-remaining-tokens", "0")
            .header("x-ratelimit-reset-tokens", "5m3")
            .noHint("robustness: a reset that is not a duration is ignored", Kind.RATE_LIMITED),
        answer(400, openAi("Please try again in 20s.", "invalid_request_error", null))
            .waits(
                "robustness: a hint on a 400 is kept but the failure stays a client error",
                Duration.ofSeconds(20),
                Source.BODY,
                Kind.CLIENT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void theMappingCarriesTheHint(Row row) {
    ProviderException e =
        HttpErrors.fromStatus(
            "openai",
            "gpt-4o",
            row.status(),
            headers(row.headers()),
            row.body().getBytes(StandardCharsets.UTF_8),
            CLOCK,
            null);

    assertThat(e.retryAfter()).isEqualTo(Optional.ofNullable(row.delay()));
    assertThat(e.kind()).isEqualTo(row.kind());
    assertThat(e instanceof RateLimitedException).isEqualTo(row.status() == 429);
    assertThat(LlmFailures.isOverload(e)).as("overload signal").isEqualTo(row.kind().isOverload());
    assertThat(
            RetryHints.read(
                row.status(),
                headers(row.headers()),
                row.body().getBytes(StandardCharsets.UTF_8),
                CLOCK))
        .map(RetryHints.Hint::source)
        .isEqualTo(Optional.ofNullable(row.source()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "6m0s, PT6M",
    "1.5s, PT1.5S",
    "20ms, PT0.02S",
    "1h2m3s, PT1H2M3S",
    "0s, PT0S",
    "1m2.639999999s, PT1M2.639999999S",
    "350us, PT0.00035S",
    "7, PT7S",
    "0, PT0S",
    "-1s, PT0S",
    "100000h, PT24H"
  })
  void readsOpenAiDurations(String text, Duration expected) {
    assertThat(RetryHints.parseDuration(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", " ", "soon", "5m3", "1e3", "s", "-", "1.s", "6m 0s", "1d"})
  void ignoresWhatIsNotADuration(String text) {
    assertThat(RetryHints.parseDuration(text)).isNull();
  }

  private static HttpHeaders headers(Map<String, String> values) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    values.forEach((k, v) -> map.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    return HttpHeaders.of(map, (k, v) -> true);
  }
}
