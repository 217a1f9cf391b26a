package dev.trinity.core.metrics;

import dev.trinity.api.LlmResponse;
import dev.trinity.api.Usage;
import dev.trinity.cache.CacheManager;
import dev.trinity.cache.TierStats;
import dev.trinity.core.observe.CallInfo;
import dev.trinity.core.observe.CircuitStateChanged;
import dev.trinity.core.observe.ContentEvent;
import dev.trinity.core.observe.Endpoint;
import dev.trinity.core.observe.RequestCancelled;
import dev.trinity.core.observe.RequestCompleted;
import dev.trinity.core.observe.RequestFailed;
import dev.trinity.core.observe.RequestListener;
import dev.trinity.core.observe.RetryScheduled;
import dev.trinity.core.observe.Served;
import dev.trinity.core.resilience.CircuitBreaker;
import dev.trinity.core.resilience.ConcurrencyLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer metrics of a {@code Trinity} instance under the OpenTelemetry GenAI names, plus
 * Trinity's own: a {@link RequestListener} that records what it hears, and a {@link MeterBinder}
 * that publishes it to a registry.
 *
 * <pre>{@code
 * TrinityMetrics metrics = new TrinityMetrics();
 * Trinity trinity = Trinity.builder().addListener(metrics).build();
 * metrics.bindTo(prometheusRegistry); // before or after the first call
 * }</pre>
 *
 * <p>Meters (tags in brackets; the full list with units is in {@code docs/metrics.md}):
 *
 * <ul>
 *   <li>{@value #OPERATION_DURATION} timer [{@code gen_ai.system}, {@code gen_ai.request.model},
 *       {@code gen_ai.operation.name}, {@code outcome}, {@code error.type}, {@code
 *       trinity.cache.tier}, {@code trinity.served}];
 *   <li>{@value #TOKEN_USAGE} distribution summary [{@code gen_ai.system}, {@code
 *       gen_ai.request.model}, {@code gen_ai.operation.name}, {@code gen_ai.token.type}]: tokens
 *       the provider billed for this call (answers served by the cache or by an identical call in
 *       flight used none, and count as saved instead);
 *   <li>{@value #TOKENS_SAVED} counter [{@code reason} = cache | coalescing, {@code
 *       gen_ai.token.type}];
 *   <li>{@value #RETRIES} counter [{@code gen_ai.system}, {@code reason}];
 *   <li>{@value #CACHE_HITS}, {@value #CACHE_MISSES} function counters and {@value #CACHE_LATENCY}
 *       / {@value #CACHE_LATENCY_P99} time gauges [{@code tier}, {@code endpoint}];
 *   <li>{@value #CIRCUIT_STATE} gauge [{@code breaker}, {@code state}]: 1 for the current state, 0
 *       for the others; {@value #CIRCUIT_TRANSITIONS} counter [{@code breaker}, {@code from},
 *       {@code to}];
 *   <li>{@value #CONCURRENCY_LIMIT}, {@value #CONCURRENCY_IN_FLIGHT}, {@value #CONCURRENCY_QUEUED}
 *       gauges [{@code endpoint}];
 *   <li>{@value #CONTENT_REPAIRS} counter [{@code theme}], {@value #CONTENT_FALLBACKS} counter
 *       [{@code theme}, {@code fallback}].
 * </ul>
 *
 * <p>The meters live in an internal composite registry; {@link #bindTo} adds a registry to it, so
 * that meters created before (gauges of the endpoint, calls made earlier) appear there too. One
 * instance may be bound to several registries, and may listen to several {@code Trinity} instances
 * (each endpoint gets its own gauges). Thread-safe.
 */
public final class TrinityMetrics implements RequestListener, MeterBinder {
  /** The GenAI client operation duration timer. */
  public static final String OPERATION_DURATION = "gen_ai.client.operation.duration";

  /** The GenAI client token usage distribution summary. */
  public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

  /** Tokens not spent because the cache or an identical call in flight answered. */
  public static final String TOKENS_SAVED = "trinity.tokens.saved";

  /** Retries scheduled, by reason. */
  public static final String RETRIES = "trinity.retries";

  /** Cache hits per tier. */
  public static final String CACHE_HITS = "trinity.cache.hits";

  /** Cache misses per tier. */
  public static final String CACHE_MISSES = "trinity.cache.misses";

  /** Mean latency of a cache tier's operations. */
  public static final String CACHE_LATENCY = "trinity.cache.latency.mean";

  /** Upper bound of a cache tier's 99th percentile latency. */
  public static final String CACHE_LATENCY_P99 = "trinity.cache.latency.p99";

  /** The circuit breaker's state. */
  public static final String CIRCUIT_STATE = "trinity.circuit.state";

  /** Circuit breaker transitions. */
  public static final String CIRCUIT_TRANSITIONS = "trinity.circuit.transitions";

  /** The concurrency limit. */
  public static final String CONCURRENCY_LIMIT = "trinity.concurrency.limit";

  /** Calls holding a permit of the concurrency limit. */
  public static final String CONCURRENCY_IN_FLIGHT = "trinity.concurrency.in_flight";

  /** Calls waiting for a permit. */
  public static final String CONCURRENCY_QUEUED = "trinity.concurrency.queued";

  /** Content answers sent back to the model for repair. */
  public static final String CONTENT_REPAIRS = "trinity.content.repairs";

  /** Content generations answered by a fallback. */
  public static final String CONTENT_FALLBACKS = "trinity.content.fallbacks";

  private static final String NONE = "none";
  private static final String OPERATION = "chat";

  private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
  private final ConcurrentMap<DurationKey, Timer> durations = new ConcurrentHashMap<>();
  private final ConcurrentMap<ModelKey, DistributionSummary[]> usage = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> saved = new ConcurrentHashMap<>();
  private final Set<CacheManager> caches = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * Creates the meters' home; bind it to a registry with {@link #bindTo}, best before the {@code
   * Trinity} instance is built (Micrometer warns once when a registry joins after meters exist, and
   * recordings made before it joined are not in it).
   */
  public TrinityMetrics() {}

  /**
   * Publishes every meter, those already created and those to come, to {@code registry}.
   *
   * @param registry the registry
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    meters.add(registry);
  }

  @Override
  public void onEndpoint(Endpoint endpoint) {
    String name = endpoint.provider() + "@" + endpoint.endpoint();
    ConcurrencyLimiter limiter = endpoint.concurrencyLimiter();
    gauge(CONCURRENCY_LIMIT, "calls", limiter, l -> l.currentLimit(), Tags.of("endpoint", name));
    gauge(CONCURRENCY_IN_FLIGHT, "calls", limiter, l -> l.inFlight(), Tags.of("endpoint", name));
    gauge(CONCURRENCY_QUEUED, "calls", limiter, l -> l.queued(), Tags.of("endpoint", name));
    CircuitBreaker breaker = endpoint.circuitBreaker();
    for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
      gauge(
          CIRCUIT_STATE,
          null,
          breaker,
          b -> b.state() == state ? 1 : 0,
          Tags.of("breaker", breaker.name(), "state", lower(state)));
    }
    CacheManager cache = endpoint.cache();
    synchronized (caches) {
      // a cache shared by several endpoints is counted once, under the first one's name
      if (!cache.isEnabled() || !caches.add(cache)) {
        return;
      }
    }
    for (TierStats tier : cache.stats().tiers()) {
      String t = tier.tier();
      Tags tags = Tags.of("tier", t, "endpoint", name);
      FunctionCounter.builder(CACHE_HITS, cache, c -> tierOf(c, t).hits())
          .tags(tags)
          .description("Cache lookups a tier answered")
          .register(meters);
      FunctionCounter.builder(CACHE_MISSES, cache, c -> tierOf(c, t).misses())
          .tags(tags)
          .description("Cache lookups a tier could not answer")
          .register(meters);
      TimeGauge.builder(
              CACHE_LATENCY,
              cache,
              TimeUnit.NANOSECONDS,
              c -> tierOf(c, t).averageLatency().toNanos())
          .tags(tags)
          .strongReference(true)
          .register(meters);
      TimeGauge.builder(
              CACHE_LATENCY_P99,
              cache,
              TimeUnit.NANOSECONDS,
              c -> tierOf(c, t).p99Latency().toNanos())
          .tags(tags)
          .strongReference(true)
          .register(meters);
    }
  }

  @Override
  public void onRetryScheduled(RetryScheduled event) {
    Counter.builder(RETRIES)
        .tags("gen_ai.system", event.call().provider(), "reason", event.reason())
        .description("Attempts that failed and were tried again")
        .register(meters)
        .increment();
  }

  @Override
  public void onCompleted(RequestCompleted event) {
    LlmResponse r = event.response();
    Served served = event.served();
    CallInfo call = event.call();
    String tier = r.cacheTier().orElse(NONE);
    duration(call, "success", NONE, tier, served).record(event.elapsed());
    Usage u = r.usage();
    switch (served) {
      case PROVIDER -> {
        DistributionSummary[] s = usage.computeIfAbsent(new ModelKey(call), this::usageSummaries);
        s[0].record(u.promptTokens());
        s[1].record(u.completionTokens());
      }
      case CACHE -> {
        saved("cache", "input").increment(u.promptTokens());
        saved("cache", "output").increment(u.completionTokens());
      }
      case COALESCED -> {
        saved("coalescing", "input").increment(u.promptTokens());
        saved("coalescing", "output").increment(u.completionTokens());
      }
    }
  }

  @Override
  public void onFailed(RequestFailed event) {
    duration(event.call(), "failure", event.errorType(), NONE, null).record(event.elapsed());
  }

  @Override
  public void onCancelled(RequestCancelled event) {
    duration(event.call(), "cancelled", "cancelled", NONE, null).record(event.elapsed());
  }

  @Override
  public void onCircuitStateChanged(CircuitStateChanged event) {
    Counter.builder(CIRCUIT_TRANSITIONS)
        .tags("breaker", event.breaker(), "from", lower(event.from()), "to", lower(event.to()))
        .description("Circuit breaker state changes")
        .register(meters)
        .increment();
  }

  @Override
  public void onContentRepair(ContentEvent event) {
    Counter.builder(CONTENT_REPAIRS)
        .tags("theme", event.theme())
        .description("Content answers sent back to the model with their problems")
        .register(meters)
        .increment();
  }

  @Override
  public void onContentFallback(ContentEvent event) {
    Counter.builder(CONTENT_FALLBACKS)
        .tags("theme", event.theme(), "fallback", event.kind())
        .description("Content generations answered by a fallback instead of the model")
        .register(meters)
        .increment();
  }

  private Timer duration(
      CallInfo call, String outcome, String errorType, String tier, @Nullable Served served) {
    DurationKey key =
        new DurationKey(
            call.provider(),
            call.model(),
            outcome,
            errorType,
            tier,
            served == null ? NONE : lower(served));
    Timer t = durations.get(key);
    if (t == null) {
      t =
          durations.computeIfAbsent(
              key,
              k ->
                  Timer.builder(OPERATION_DURATION)
                      .tags(
                          "gen_ai.system", k.system(),
                          "gen_ai.request.model", k.model(),
                          "gen_ai.operation.name", OPERATION,
                          "outcome", k.outcome(),
                          "error.type", k.errorType(),
                          "trinity.cache.tier", k.tier(),
                          "trinity.served", k.served())
                      .description("Duration of GenAI client operations")
                      .register(meters));
    }
    return t;
  }

  private DistributionSummary[] usageSummaries(ModelKey k) {
    DistributionSummary[] s = new DistributionSummary[2];
    int i = 0;
    for (String type : new String[] {"input", "output"}) {
      s[i++] =
          DistributionSummary.builder(TOKEN_USAGE)
              .baseUnit("tokens")
              .tags(
                  "gen_ai.system",
                  k.system(),
                  "gen_ai.request.model",
                  k.model(),
                  "gen_ai.operation.name",
                  OPERATION,
                  "gen_ai.token.type",
                  type)
              .description("Measures number of input and output tokens used")
              .register(meters);
    }
    return s;
  }

  private Counter saved(String reason, String type) {
    return saved.computeIfAbsent(
        reason + '/' + type,
        k ->
            Counter.builder(TOKENS_SAVED)
                .baseUnit("tokens")
                .tags("reason", reason, "gen_ai.token.type", type)
                .description(
                    "Tokens not spent because the cache or an identical call in flight answered")
                .register(meters));
  }

  private <T> void gauge(
      String name, @Nullable String unit, T obj, ToDoubleFunction<T> value, Tags tags) {
    Gauge.Builder<T> b = Gauge.builder(name, obj, value).tags(tags).strongReference(true);
    if (unit != null) {
      b.baseUnit(unit);
    }
    b.register(meters);
  }

  private static TierStats tierOf(CacheManager cache, String tier) {
    return cache.stats().tier(tier).orElse(TierStats.empty(tier));
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private record DurationKey(
      String system, String model, String outcome, String errorType, String tier, String served) {}

  private record ModelKey(String system, String model) {
    ModelKey(CallInfo call) {
      this(call.provider(), call.model());
    }
  }
}
