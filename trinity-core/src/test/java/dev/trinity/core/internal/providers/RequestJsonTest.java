package dev.trinity.core.internal.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequestJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void writesNestedObjectsAndArraysWithTheirCommas() throws Exception {
    RequestJson out =
        new RequestJson()
            .startObject()
            .field("model", "m")
            .field("messages")
            .startArray()
            .startObject()
            .field("role", "user")
            .field("content", "hi")
            .endObject()
            .startObject()
            .field("role", "assistant")
            .field("content", "")
            .endObject()
            .endArray()
            .field("stream", true)
            .field("empty")
            .startObject()
            .endObject()
            .field("none")
            .startArray()
            .endArray()
            .field("options")
            .startObject()
            .fieldIfPresent("temperature", Optional.of(0.7))
            .fieldIfPresent("top_p", Optional.empty())
            .fieldIfPresent("num_predict", Optional.of(128))
            .fieldIfPresent("seed", Optional.of(9_007_199_254_740_993L))
            .endObject()
            .field("schema")
            .rawValue("{\"type\":\"object\"}")
            .endObject();

    assertThat(out.toString())
        .isEqualTo(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"assistant\",\"content\":\"\"}],\"stream\":true,\"empty\":{},"
                + "\"none\":[],\"options\":{\"temperature\":0.7,\"num_predict\":128,"
                + "\"seed\":9007199254740993},\"schema\":{\"type\":\"object\"}}");
    JsonNode parsed = JSON.readTree(out.toBytes());
    assertThat(parsed.at("/options/seed").asLong()).isEqualTo(9_007_199_254_740_993L);
  }

  @Test
  void escapesQuotesBackslashesAndControlCharactersAsJsonRequires() throws Exception {
    String tricky = "say \"hi\"\\ then\nnew\tline\r\b\f\u0000\u0001\u001f end";
    RequestJson out = new RequestJson().startObject().field("content", tricky).endObject();

    assertThat(out.toString())
        .isEqualTo(
            "{\"content\":\"say \\\"hi\\\"\\\\ then\\nnew\\tline\\r\\b\\f\\u0000\\u0001\\u001f"
                + " end\"}");
    assertThat(JSON.readTree(out.toBytes()).get("content").asText()).isEqualTo(tricky);
  }

  @Test
  void writesUnicodeAsUtf8AndReplacesLoneSurrogates() throws Exception {
    String text = "Zürich · 東京 · emoji \uD83D\uDE80 · DEL \u007f · \u2028";
    RequestJson out = new RequestJson().startObject().field("t", text).endObject();

    byte[] bytes = out.toBytes();
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\uD83D\uDE80", "東京");
    assertThat(JSON.readTree(bytes).get("t").asText()).isEqualTo(text);

    String broken = "high \uD83D alone, low \uDE80 alone, reversed \uDE80\uD83D";
    JsonNode parsed =
        JSON.readTree(new RequestJson().startObject().field("t", broken).endObject().toBytes());
    assertThat(parsed.get("t").asText())
        .isEqualTo("high \uFFFD alone, low \uFFFD alone, reversed \uFFFD\uFFFD");
  }

  @Test
  void anyTextSurvivesTheRoundTripThroughAJsonParser() throws Exception {
    Random random = new Random(42);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        int kind = random.nextInt(5);
        if (kind == 0) {
          text.append((char) random.nextInt(0x20)); // control
        } else if (kind == 1) {
          text.append("\"\\/".charAt(random.nextInt(3)));
        } else if (kind == 2) {
          text.appendCodePoint(0x1F300 + random.nextInt(0x200)); // outside the BMP
        } else if (kind == 3) {
          text.append((char) (0x80 + random.nextInt(0xD800 - 0x80)));
        } else {
          text.append((char) (0x20 + random.nextInt(0x5F)));
        }
      }
      String value = text.toString();
      byte[] bytes =
          new RequestJson()
              .startObject()
              .field(value, value)
              .field("n")
              .value(1)
              .endObject()
              .toBytes();
      JsonNode parsed = JSON.readTree(bytes);
      assertThat(parsed.get(value).asText()).as("round %d", round).isEqualTo(value);
    }
  }

  @Test
  void numbersJsonCannotWriteAreRefused() {
    RequestJson out = new RequestJson().startObject().field("t");
    assertThatThrownBy(() -> out.value(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> out.value(Float.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Infinity");
  }
}
