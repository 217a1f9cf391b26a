package dev.trinity.examples.bench.jmh;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderException;
import dev.trinity.api.Usage;
import dev.trinity.core.internal.pipeline.Listeners;
import dev.trinity.core.metrics.TrinityMetrics;
import dev.trinity.core.observe.CallInfo;
import dev.trinity.core.observe.RequestCompleted;
import dev.trinity.core.observe.RequestFailed;
import dev.trinity.core.observe.Served;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What watching a call costs: the events the pipeline builds and dispatches for one call (started
 * and completed, or started and failed), through the same dispatcher the pipeline uses, with {@link
 * TrinityMetrics} recording them into a Micrometer registry. {@code none} is the pipeline with no
 * listener (the events are not even built).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ListenerBenchmark {
  /** Where the meters go: no listener at all, a simple registry, or a Prometheus registry. */
  @Param({"none", "simple", "prometheus"})
  public String registry;

  private Listeners listeners;
  private LlmRequest request;
  private LlmResponse response;
  private ProviderException failure;

  /** Builds the listeners, a request and an answer. */
  @Setup(Level.Trial)
  public void setUp() {
    TrinityMetrics metrics = new TrinityMetrics();
    switch (registry) {
      case "simple" -> metrics.bindTo(new SimpleMeterRegistry());
      case "prometheus" -> metrics.bindTo(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
      default -> {}
    }
    listeners = registry.equals("none") ? Listeners.NONE : new Listeners(List.of(metrics));
    request = LlmRequest.builder().prompt("Write a tagline").model("llama3.2:3b").build();
    response =
        LlmResponse.builder()
            .text("Small, sharp tools")
            .model("llama3.2:3b")
            .provider("ollama")
            .usage(new Usage(120, 40))
            .latency(Duration.ofMillis(850))
            .attempts(1)
            .build();
    failure =
        new ProviderException(
            "ollama", ProviderException.Kind.SERVER, 500, "status 500", true, null, null);
  }

  /** A call that succeeded: started, then completed by the provider. */
  @Benchmark
  public Object startedAndCompleted() {
    if (listeners.isEmpty()) {
      return listeners;
    }
    CallInfo call = new CallInfo(request, "c-1", "ollama", "llama3.2:3b", Instant.EPOCH);
    listeners.started(call);
    RequestCompleted done =
        new RequestCompleted(call, response, Served.PROVIDER, Duration.ofMillis(850));
    listeners.completed(done);
    return done;
  }

  /** A call that failed: started, then failed with a server error. */
  @Benchmark
  public Object startedAndFailed() {
    if (listeners.isEmpty()) {
      return listeners;
    }
    CallInfo call = new CallInfo(request, "c-2", "ollama", "llama3.2:3b", Instant.EPOCH);
    listeners.started(call);
    RequestFailed failed =
        new RequestFailed(call, failure, Listeners.errorType(failure), 1, Duration.ofMillis(90));
    listeners.failed(failed);
    return failed;
  }
}
