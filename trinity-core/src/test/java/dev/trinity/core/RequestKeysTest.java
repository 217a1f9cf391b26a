package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.Message;
import dev.trinity.api.ResponseFormat;
import dev.trinity.core.internal.cache.RequestKeys;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The request key: its documented encoding, byte for byte (cached entries in Redis and on disk are
 * found by it, so it must not drift), and which fields change it.
 */
class RequestKeysTest {
  private static final String LONG = "é".repeat(40_000); // 80 000 bytes: all 3 low length bytes

  /** The encoding as the class documents it, written out independently. */
  private static String documented(List<@Nullable String[]> fields) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(("trinity-request-key/" + RequestKeys.VERSION).getBytes(StandardCharsets.US_ASCII));
    for (String[] f : fields) {
      out.write(f[0].charAt(0));
      byte[] value = f[1] == null ? null : f[1].getBytes(StandardCharsets.UTF_8);
      int n = value == null ? -1 : value.length;
      out.write(new byte[] {(byte) (n >> 24), (byte) (n >> 16), (byte) (n >> 8), (byte) n});
      if (value != null) {
        out.write(value);
      }
    }
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
  }

  private static String[] f(String tag, @Nullable String value) {
    return new String[] {tag, value};
  }

  @Test
  void aFullRequestEncodesEveryFieldInTheDocumentedOrder() throws Exception {
    LlmRequest r =
        LlmRequest.builder()
            .model("llama3.2:3b")
            .systemPrompt("be brief")
            .addMessage(Message.user(LONG))
            .addMessage(Message.assistant("ok"))
            .temperature(0.7)
            .topP(0.9)
            .maxTokens(300)
            .seed(42L)
            .responseFormat(ResponseFormat.jsonSchema("site", "{\"type\":\"object\"}"))
            .promptVersion("content-v3")
            .build();

    String expected =
        documented(
            List.of(
                f("p", "ollama"),
                f("e", "http://localhost:11434"),
                f("m", "llama3.2:3b"),
                f("s", "be brief"),
                f("n", "2"),
                f("r", "USER"),
                f("c", LONG),
                f("r", "ASSISTANT"),
                f("c", "ok"),
                f("t", "0.7"),
                f("k", "0.9"),
                f("x", "300"),
                f("d", "42"),
                f("f", r.responseFormat().kind().name()),
                f("a", "site"),
                f("j", "{\"type\":\"object\"}"),
                f("v", "content-v3")));

    assertThat(RequestKeys.of("ollama", "http://localhost:11434", r)).isEqualTo(expected);
  }

  @Test
  void absentFieldsEncodeAsLengthMinusOne() throws Exception {
    LlmRequest r = LlmRequest.builder().prompt("hi").build();

    String expected =
        documented(
            List.of(
                f("p", "openai"),
                f("e", "https://api.openai.com/v1"),
                f("m", null),
                f("s", null),
                f("n", "1"),
                f("r", "USER"),
                f("c", "hi"),
                f("t", null),
                f("k", null),
                f("x", null),
                f("d", null),
                f("f", r.responseFormat().kind().name()),
                f("a", null),
                f("j", null),
                f("v", null)));

    assertThat(RequestKeys.of("openai", "https://api.openai.com/v1", r)).isEqualTo(expected);
  }

  @Test
  void everyFieldThatChangesTheAnswerChangesTheKeyAndNothingElseDoes() {
    LlmRequest base = LlmRequest.builder().model("m").prompt("same").build();
    List<String> keys =
        List.of(
            RequestKeys.of("ollama", "http://a", base),
            RequestKeys.of("openai", "http://a", base),
            RequestKeys.of("ollama", "http://b", base),
            RequestKeys.of("ollama", "http://a", base.toBuilder().model("m2").build()),
            RequestKeys.of("ollama", "http://a", base.toBuilder().systemPrompt("s").build()),
            RequestKeys.of(
                "ollama", "http://a", base.toBuilder().addMessage(Message.user("more")).build()),
            RequestKeys.of("ollama", "http://a", base.toBuilder().temperature(0.1).build()),
            RequestKeys.of("ollama", "http://a", base.toBuilder().topP(0.5).build()),
            RequestKeys.of("ollama", "http://a", base.toBuilder().maxTokens(10).build()),
            RequestKeys.of("ollama", "http://a", base.toBuilder().seed(1L).build()),
            RequestKeys.of(
                "ollama",
                "http://a",
                base.toBuilder().responseFormat(ResponseFormat.json()).build()),
            RequestKeys.of("ollama", "http://a", base.toBuilder().promptVersion("v2").build()));
    Set<String> distinct = new HashSet<>(keys);
    assertThat(distinct).hasSameSizeAs(keys);
    assertThat(keys).allSatisfy(k -> assertThat(k).hasSize(64).matches("[0-9a-f]{64}"));

    LlmRequest sameAnswer =
        base.toBuilder()
            .correlationId("other-id")
            .timeout(Duration.ofSeconds(5))
            .cachePolicy(CachePolicy.REFRESH)
            .build();
    assertThat(RequestKeys.of("ollama", "http://a", sameAnswer)).isEqualTo(keys.get(0));
  }

  @Test
  void lengthPrefixesKeepFieldBoundariesApart() {
    LlmRequest ab = LlmRequest.builder().systemPrompt("ab").prompt("c").build();
    LlmRequest a = LlmRequest.builder().systemPrompt("a").prompt("bc").build();

    assertThat(RequestKeys.of("p", "e", ab)).isNotEqualTo(RequestKeys.of("p", "e", a));
  }
}
