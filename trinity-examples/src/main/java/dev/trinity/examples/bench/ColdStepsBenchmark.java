package dev.trinity.examples.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.api.LlmRequest;
import dev.trinity.core.internal.providers.ProviderSupport;
import dev.trinity.core.internal.providers.RequestJson;
import dev.trinity.logging.CorrelationContext;
import dev.trinity.logging.MdcSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What single steps of a call cost on a cold core: each step runs once after the thread has been
 * parked for {@code gapMs}, the steps taking turns, after a warm-up that has the JIT compiler
 * compile them all. {@code nothing} (an empty step) is the floor every step pays: reading the clock
 * and calling through an interface on a thread that has just woken.
 *
 * <p>The pairs are the choices made for the work a call does before its request goes out: writing
 * the body with {@link RequestJson} or Jackson, building the request from scratch or copying a
 * checked template, the correlation id from {@code SecureRandom} or {@code ThreadLocalRandom}.
 *
 * <p>Usage: {@code ColdStepsBenchmark [rounds] [gapMs]} (defaults 200, 67).
 */
public final class ColdStepsBenchmark {
  private static final ObjectMapper JSON = ProviderSupport.JSON;
  private static final URI URL = URI.create("http://127.0.0.1:11434/api/chat");
  private static final HttpRequest.Builder TEMPLATE =
      HttpRequest.newBuilder(URL)
          .header("Content-Type", "application/json")
          .header("Accept", "application/x-ndjson");
  private static volatile Object sink;

  private ColdStepsBenchmark() {}

  /** One step, given the round's number. */
  @FunctionalInterface
  private interface Step {
    Object run(int round) throws Exception;
  }

  /**
   * Runs the steps.
   *
   * @param args rounds, the idle gap before each step in ms
   * @throws Exception when a step fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    long gapMs = args.length > 1 ? Long.parseLong(args[1]) : 67;
    LlmRequest request = LlmRequest.builder().prompt("Write a tagline").build();
    MdcSnapshot callMdc = MdcSnapshot.empty().with(CorrelationContext.MDC_KEY, "c-1");
    Map<String, Step> steps = new LinkedHashMap<>();
    steps.put("nothing", round -> null);
    steps.put("chat body, RequestJson", ColdStepsBenchmark::requestJson);
    steps.put("chat body, Jackson generator", ColdStepsBenchmark::generator);
    steps.put("chat body, Jackson tree + toString", ColdStepsBenchmark::tree);
    steps.put("HttpRequest, newBuilder + headers", ColdStepsBenchmark::freshRequest);
    steps.put("HttpRequest, copy of a template", ColdStepsBenchmark::copiedRequest);
    steps.put("correlation id, UUID.randomUUID", round -> UUID.randomUUID().toString());
    steps.put("correlation id, CorrelationContext.newId", round -> CorrelationContext.newId());
    steps.put(
        "LlmRequest toBuilder + build",
        round -> request.toBuilder().correlationId("c-1").model("m").build());
    steps.put(
        "MDC scope of a call",
        round -> {
          try (MdcSnapshot.Scope scope = callMdc.apply()) {
            return scope;
          }
        });
    for (int i = 0; i < 20_000; i++) {
      for (Step step : steps.values()) {
        sink = step.run(i);
      }
    }
    Map<String, long[]> times = new LinkedHashMap<>();
    steps.keySet().forEach(name -> times.put(name, new long[rounds]));
    for (int i = 0; i < rounds; i++) {
      for (Map.Entry<String, Step> step : steps.entrySet()) {
        Idle.park(gapMs);
        long start = System.nanoTime();
        sink = step.getValue().run(i);
        times.get(step.getKey())[i] = System.nanoTime() - start;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d rounds, each step after %d ms idle (Java %s)%n",
        rounds,
        gapMs,
        Runtime.version());
    System.out.println("| step | p50 | p90 |");
    System.out.println("|---|---|---|");
    for (Map.Entry<String, long[]> t : times.entrySet()) {
      Stats s = Stats.of(t.getValue());
      System.out.printf(
          Locale.ROOT,
          "| %s | %.1f µs | %.1f µs |%n",
          t.getKey(),
          s.percentileMicros(50),
          s.percentileMicros(90));
    }
  }

  private static byte[] requestJson(int round) {
    return new RequestJson()
        .startObject()
        .field("model", "bench")
        .field("messages")
        .startArray()
        .startObject()
        .field("role", "user")
        .field("content", "call " + round)
        .endObject()
        .endArray()
        .field("stream", true)
        .endObject()
        .toBytes();
  }

  private static byte[] generator(int round) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      out.writeStartObject();
      out.writeStringField("model", "bench");
      out.writeArrayFieldStart("messages");
      out.writeStartObject();
      out.writeStringField("role", "user");
      out.writeStringField("content", "call " + round);
      out.writeEndObject();
      out.writeEndArray();
      out.writeBooleanField("stream", true);
      out.writeEndObject();
    }
    return bytes.toByteArray();
  }

  private static String tree(int round) {
    return JSON.createObjectNode()
        .put("model", "bench")
        .<com.fasterxml.jackson.databind.node.ObjectNode>set(
            "messages",
            JSON.createArrayNode()
                .add(JSON.createObjectNode().put("role", "user").put("content", "call " + round)))
        .put("stream", true)
        .toString();
  }

  private static HttpRequest freshRequest(int round) {
    return HttpRequest.newBuilder(URL)
        .header("Content-Type", "application/json")
        .header("Accept", "application/x-ndjson")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[16]))
        .build();
  }

  private static HttpRequest copiedRequest(int round) {
    return TEMPLATE
        .copy()
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[16]))
        .build();
  }
}
