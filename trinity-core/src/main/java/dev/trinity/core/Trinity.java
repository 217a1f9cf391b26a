package dev.trinity.core;

import dev.trinity.api.AsyncLlmClient;
import dev.trinity.api.ConfigurationException;
import dev.trinity.api.LlmClient;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.ProviderConfig;
import dev.trinity.cache.CacheManager;
import dev.trinity.cache.RedisPermits;
import dev.trinity.cache.internal.FleetLeases;
import dev.trinity.core.content.internal.offline.OfflineExtractor;
import dev.trinity.core.internal.config.ConfigLoader;
import dev.trinity.core.internal.config.LoggingSetup;
import dev.trinity.core.internal.http.DefaultProviderContext;
import dev.trinity.core.internal.http.JdkHttpTransport;
import dev.trinity.core.internal.pipeline.BreakerInterceptor;
import dev.trinity.core.internal.pipeline.CacheInterceptor;
import dev.trinity.core.internal.pipeline.CoalescingInterceptor;
import dev.trinity.core.internal.pipeline.FleetHealth;
import dev.trinity.core.internal.pipeline.FleetInterceptor;
import dev.trinity.core.internal.pipeline.FleetLimitInterceptor;
import dev.trinity.core.internal.pipeline.FleetPermits;
import dev.trinity.core.internal.pipeline.Interceptor;
import dev.trinity.core.internal.pipeline.LazyWakeScheduler;
import dev.trinity.core.internal.pipeline.LimitInterceptor;
import dev.trinity.core.internal.pipeline.Listeners;
import dev.trinity.core.internal.pipeline.LlmFailures;
import dev.trinity.core.internal.pipeline.LlmPipeline;
import dev.trinity.core.internal.pipeline.RetryInterceptor;
import dev.trinity.core.internal.pipeline.Route;
import dev.trinity.core.observe.CircuitStateChanged;
import dev.trinity.core.observe.Endpoint;
import dev.trinity.core.observe.RequestListener;
import dev.trinity.core.resilience.CircuitBreaker;
import dev.trinity.core.resilience.CircuitBreakerRegistry;
import dev.trinity.core.resilience.ConcurrencyLimiter;
import dev.trinity.logging.LogEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The entry point: owns the shared resources (HTTP client, scheduler, provider) and hands out the
 * blocking and non-blocking clients of one request pipeline.
 *
 * <pre>{@code
 * try (Trinity trinity = Trinity.fromEnvironment()) {
 *   LlmResponse r = trinity.llm().generate("Write a one-line bio for a Rust developer");
 *   System.out.println(r.text());
 * }
 * }</pre>
 *
 * <p>Thread-safe. Create one per application and close it on shutdown; closing refuses new requests
 * and releases the threads Trinity created (never those the host supplied).
 */
public final class Trinity implements AutoCloseable {
  private final TrinityConfig config;
  private final LlmProvider provider;
  private final List<LlmProvider> providers;
  private final LlmPipeline pipeline;
  private final CircuitBreakerRegistry breakers;
  private final ConcurrencyLimiter limiter;
  private final Map<String, ConcurrencyLimiter> limiters;
  private final CacheManager cache;
  private final FleetHealth fleetHealth;
  private final List<AutoCloseable> owned;

  private Trinity(Builder b) {
    this.config = b.config;
    LoggingSetup.apply(config.logging());
    List<AutoCloseable> resources = new ArrayList<>();
    Clock clock = b.clock;
    Scheduler scheduler = b.scheduler;
    if (scheduler == null) {
      ScheduledThreadPoolExecutor timer =
          new ScheduledThreadPoolExecutor(1, daemonThreads("trinity-scheduler"));
      timer.setRemoveOnCancelPolicy(true);
      resources.add(timer::shutdownNow);
      scheduler = new LazyWakeScheduler(Scheduler.of(timer), System::nanoTime);
    }
    Transports transports = new Transports(config.llm(), b.httpExecutor, clock, resources);
    Map<String, LlmProviderFactory> factories = new LinkedHashMap<>(ProviderFactories.available());
    factories.putAll(b.factories);
    List<LlmProvider> chain = new ArrayList<>();
    try {
      LlmProvider p = b.provider;
      if (p == null) {
        p = createProvider("llm", config.llm(), factories, transports.context());
        resources.add(0, p);
      }
      chain.add(p);
      List<FallbackConfig> fallbacks = config.llm().fallbacks();
      for (int i = 0; i < fallbacks.size(); i++) {
        LlmProvider f =
            createFallback(fallbacks.get(i), i, config.llm(), factories, transports.context());
        resources.add(0, f);
        chain.add(f);
      }
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
    this.provider = chain.get(0);
    this.providers = List.copyOf(chain);
    this.breakers =
        CircuitBreakerRegistry.of(
            config.circuitBreaker().toBuilder()
                .ignoreExceptionPredicate(t -> !LlmFailures.countsAgainstEndpoint(t))
                .build(),
            clock);
    Listeners listeners = new Listeners(b.listeners);
    breakers.addListener(Trinity::logStateChange);
    if (!listeners.isEmpty()) {
      breakers.addListener(
          (name, from, to) ->
              listeners.circuitStateChanged(new CircuitStateChanged(name, from, to)));
    }
    if (b.cache != null) {
      this.cache = b.cache;
    } else {
      this.cache = CacheManager.builder().config(config.cache()).clock(clock).build();
      resources.add(cache);
    }
    Scheduler timers = scheduler;
    FleetLeases leases = null;
    FleetPermits permits = null;
    FleetHealth fleetHealth = new FleetHealth(clock);
    if (config.fleet().enabled()) {
      leases = FleetLeases.redis(config.cache());
      resources.add(0, leases);
      if (config.fleet().maxConcurrency() != null) {
        permits =
            new FleetPermits(
                RedisPermits.create(config.cache().redis()),
                config.cache().redis().commandTimeout());
        resources.add(0, permits);
      }
      resources.add(0, fleetHealth::close);
    }
    this.fleetHealth = fleetHealth;
    Map<String, ConcurrencyLimiter> limits = new LinkedHashMap<>();
    List<Route> routes = new ArrayList<>();
    for (LlmProvider each : providers) {
      String endpointName = each.name() + "@" + each.endpoint();
      ConcurrencyLimiter limit = limits.get(endpointName);
      CircuitBreaker breaker = breakers.breaker(endpointName);
      if (limit == null) {
        limit =
            ConcurrencyLimiter.of(
                endpointName,
                config.concurrencyLimit().toBuilder()
                    .dropPredicate(LlmFailures::isOverload)
                    .build(),
                clock,
                timers);
        limits.put(endpointName, limit);
        listeners.endpoint(
            new Endpoint(each.name(), each.endpoint(), each.defaultModel(), breaker, limit, cache));
      }
      routes.add(
          new Route(each, stages(b, leases, permits, fleetHealth, endpointName, limit, breaker)));
    }
    this.limiters = Collections.unmodifiableMap(limits);
    this.limiter = limits.values().iterator().next();
    this.pipeline = new LlmPipeline(routes, config.llm(), clock, scheduler, listeners);
    this.owned = List.copyOf(resources);
  }

  /**
   * The stages in front of one endpoint, outermost first: single flight, cache, fleet single
   * flight, retry, local limit, fleet limit, breaker.
   */
  private List<Interceptor> stages(
      Builder b,
      @Nullable FleetLeases leases,
      @Nullable FleetPermits permits,
      FleetHealth fleetHealth,
      String endpointName,
      ConcurrencyLimiter limit,
      CircuitBreaker breaker) {
    List<Interceptor> stages = new ArrayList<>();
    stages.add(new CoalescingInterceptor());
    stages.add(new CacheInterceptor(cache));
    if (leases != null) {
      // after a miss in every tier and inside the local single flight: one request per key and
      // JVM asks the fleet; retries run under its lease
      stages.add(new FleetInterceptor(leases, cache, fleetHealth, config.fleet()));
    }
    stages.add(new RetryInterceptor(config.retry(), b.random));
    // the breaker sits inside the limit: it judges only calls that are about to reach the
    // endpoint or are running there, and a request queued behind the limit when it opens is
    // refused when its turn comes instead of being sent to an endpoint known to be down
    stages.add(new LimitInterceptor(limit));
    Integer fleetLimit = config.fleet().maxConcurrency();
    if (permits != null && fleetLimit != null) {
      // fleet.max_concurrency: a fleet-wide permit per endpoint, taken once the local limit
      // admitted the call and before the breaker judges it, released when the call ends
      stages.add(
          new FleetLimitInterceptor(
              permits,
              endpointName,
              FleetLimitInterceptor.shareOf(fleetLimit, limit),
              config.fleet().leaseTime(),
              fleetHealth));
    }
    stages.add(new BreakerInterceptor(breaker));
    return stages;
  }

  /**
   * A builder starting from the defaults (Ollama on localhost).
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates an instance from defaults, a YAML file and the environment, in that order of precedence
   * (the environment wins).
   *
   * @param yaml the YAML file
   * @return a new instance
   * @throws ConfigurationException when the file is missing or a key or value is wrong
   */
  public static Trinity fromConfig(Path yaml) {
    return builder().config(ConfigLoader.load(yaml, System.getenv())).build();
  }

  /**
   * Creates an instance from defaults and environment variables ({@code LLM_PROVIDER}, {@code
   * LLM_API_URL}, {@code LLM_MODEL}, {@code LLM_API_KEY}, …).
   *
   * @return a new instance
   * @throws ConfigurationException when a variable's value is wrong
   */
  public static Trinity fromEnvironment() {
    return builder().config(ConfigLoader.load(null, System.getenv())).build();
  }

  /**
   * Loads configuration the way {@link #fromConfig(Path)} does, without creating an instance.
   *
   * @param yaml the YAML file, or null for defaults and environment only
   * @param env the environment variables to apply
   * @return the configuration
   * @throws ConfigurationException when the file is missing or a key or value is wrong
   */
  public static TrinityConfig loadConfig(@Nullable Path yaml, Map<String, String> env) {
    return ConfigLoader.load(yaml, env);
  }

  /**
   * The blocking client.
   *
   * @return the client; shares this instance's pipeline
   */
  public LlmClient llm() {
    return pipeline.sync();
  }

  /**
   * The non-blocking client.
   *
   * @return the client; shares this instance's pipeline
   */
  public AsyncLlmClient llmAsync() {
    return pipeline;
  }

  /**
   * The configuration in force.
   *
   * @return the configuration
   */
  public TrinityConfig config() {
    return config;
  }

  /**
   * The circuit breakers, one per provider endpoint (named {@code provider@endpoint}): status of
   * all, reset of all, listeners.
   *
   * @return the registry
   */
  public CircuitBreakerRegistry circuitBreakers() {
    return breakers;
  }

  /**
   * The concurrency limit in front of the (first) provider's endpoint: current limit, calls in
   * flight and waiting.
   *
   * @return the limiter
   */
  public ConcurrencyLimiter concurrencyLimiter() {
    return limiter;
  }

  /**
   * The concurrency limits of every provider of the fallback chain, one per endpoint, each with the
   * {@code concurrency_limit:} settings.
   *
   * @return an unmodifiable map from {@code provider@endpoint} to its limiter, in chain order
   */
  public Map<String, ConcurrencyLimiter> concurrencyLimiters() {
    return limiters;
  }

  /**
   * The response cache: statistics per tier and overall, health, delete and clear.
   *
   * @return the cache manager (disabled when {@code cache.enabled} is false)
   */
  public CacheManager cache() {
    return cache;
  }

  /**
   * Whether fleet mode has fallen back to single-JVM behaviour because Redis did not answer (see
   * {@link FleetConfig}); always false when fleet mode is off.
   *
   * @return true while degraded
   */
  public boolean isFleetDegraded() {
    return fleetHealth.isDegraded();
  }

  /**
   * The provider requests go to first.
   *
   * @return the provider
   */
  public LlmProvider provider() {
    return provider;
  }

  /**
   * The fallback chain: the first provider, then one per {@code llm.fallbacks} entry, in the order
   * a request tries them (see {@link FallbackConfig}).
   *
   * @return an unmodifiable list, never empty
   */
  public List<LlmProvider> providers() {
    return providers;
  }

  /** Refuses new requests and releases the resources this instance created. Idempotent. */
  @Override
  public void close() {
    pipeline.close();
    closeAll(owned);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception ignored) {
        // closing is best effort; nothing useful can be done with the failure
      }
    }
  }

  /**
   * Creates the provider an {@code llm:}-shaped configuration names; errors name its keys under
   * {@code key} ({@code llm}, or {@code llm.fallbacks[i]} for a fallback).
   */
  private static LlmProvider createProvider(
      String key,
      LlmConfig llm,
      Map<String, LlmProviderFactory> all,
      DefaultProviderContext context) {
    LlmProviderFactory factory = all.get(llm.provider());
    if (factory == null) {
      throw new ConfigurationException(
          key + ".provider",
          "unknown provider '" + llm.provider() + "'; available: " + all.keySet());
    }
    URI baseUrl =
        llm.baseUrl()
            .or(factory::defaultBaseUrl)
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        key + ".base_url", "provider '" + llm.provider() + "' needs a base URL"));
    String model =
        llm.model()
            .or(factory::defaultModel)
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        key + ".model", "provider '" + llm.provider() + "' needs a model name"));
    ProviderConfig.Builder pc = ProviderConfig.builder(llm.provider(), baseUrl, model);
    llm.apiKey().ifPresent(pc::apiKey);
    llm.temperature().ifPresent(pc::temperature);
    llm.options().forEach(pc::option);
    return factory.create(pc.build(), context);
  }

  /** Creates the provider of {@code llm.fallbacks[index]}, with the {@code llm:} temperature. */
  private static LlmProvider createFallback(
      FallbackConfig fallback,
      int index,
      LlmConfig llm,
      Map<String, LlmProviderFactory> all,
      DefaultProviderContext context) {
    String key = "llm.fallbacks[" + index + "]";
    if (OfflineExtractor.NAME.equals(fallback.provider())) {
      throw new ConfigurationException(
          key + ".provider",
          "the offline provider cannot be a fallback: it reads a portfolio, not a prompt; end the"
              + " chain with the content engine's Fallback.offline() instead");
    }
    LlmConfig.Builder entry =
        LlmConfig.builder()
            .provider(fallback.provider())
            .baseUrl(fallback.baseUrl().orElse(null))
            .model(fallback.model().orElse(null))
            .apiKey(fallback.apiKey().orElse(null))
            .temperature(llm.temperature().orElse(null));
    fallback.options().forEach(entry::option);
    return createProvider(key, entry.build(), all, context);
  }

  private static void logStateChange(
      String breaker, CircuitBreaker.State from, CircuitBreaker.State to) {
    org.slf4j.event.Level level =
        to == CircuitBreaker.State.OPEN ? org.slf4j.event.Level.WARN : org.slf4j.event.Level.INFO;
    LoggerFactory.getLogger(Trinity.class)
        .atLevel(level)
        .setMessage(LogEvents.CIRCUIT_STATE_CHANGED)
        .addKeyValue(LogEvents.Keys.BREAKER, breaker)
        .addKeyValue(LogEvents.Keys.FROM, from.name())
        .addKeyValue(LogEvents.Keys.TO, to.name())
        .log();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The HTTP transport providers share, created when the first provider needs it. */
  private static final class Transports {
    private final LlmConfig llm;
    private final @Nullable Executor httpExecutor;
    private final Clock clock;
    private final List<AutoCloseable> resources;
    private @Nullable DefaultProviderContext context;

    Transports(
        LlmConfig llm,
        @Nullable Executor httpExecutor,
        Clock clock,
        List<AutoCloseable> resources) {
      this.llm = llm;
      this.httpExecutor = httpExecutor;
      this.clock = clock;
      this.resources = resources;
    }

    DefaultProviderContext context() {
      if (context == null) {
        Executor http = httpExecutor;
        if (http == null) {
          ExecutorService pool = Executors.newCachedThreadPool(daemonThreads("trinity-http"));
          resources.add(pool::shutdownNow);
          http = pool;
        }
        Optional<URI> endpoint = llm.baseUrl();
        HttpClient client =
            endpoint.isPresent()
                ? JdkHttpTransport.newClient(
                    llm.connectTimeout(), http, endpoint.get(), llm.http2Cleartext())
                : JdkHttpTransport.newClient(llm.connectTimeout(), http);
        JdkHttpTransport transport =
            new JdkHttpTransport(client, clock, llm.maxResponseBytes(), llm.http2Cleartext());
        context = new DefaultProviderContext(transport, clock);
      }
      return context;
    }
  }

  /** Builds a {@link Trinity}. Not thread-safe; build once. */
  public static final class Builder {
    private TrinityConfig config = TrinityConfig.ofDefaults();
    private Clock clock = Clock.systemUTC();
    private @Nullable Scheduler scheduler;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private @Nullable LlmProvider provider;
    private @Nullable Executor httpExecutor;
    private @Nullable CacheManager cache;
    private final Map<String, LlmProviderFactory> factories = new LinkedHashMap<>();
    private final List<RequestListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the whole configuration.
     *
     * @param config the configuration
     * @return this builder
     */
    public Builder config(TrinityConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Replaces the {@code llm:} section.
     *
     * @param llm the model server settings
     * @return this builder
     */
    public Builder llm(LlmConfig llm) {
      this.config = config.toBuilder().llm(llm).build();
      return this;
    }

    /**
     * Adds a provider at the end of the fallback chain ({@code llm.fallbacks}): a request goes to
     * it when every provider before it failed with a retryable error after its retries, had its
     * circuit breaker open, or had its concurrency queue full.
     *
     * @param fallback the provider to add
     * @return this builder
     */
    public Builder fallback(FallbackConfig fallback) {
      this.config =
          config.toBuilder().llm(config.llm().toBuilder().fallback(fallback).build()).build();
      return this;
    }

    /**
     * Replaces the {@code retry:} section.
     *
     * @param retry the retry policy
     * @return this builder
     */
    public Builder retry(dev.trinity.core.resilience.RetryConfig retry) {
      this.config = config.toBuilder().retry(retry).build();
      return this;
    }

    /**
     * Replaces the {@code concurrency_limit:} section, the one home of the most calls in flight to
     * the endpoint ({@code llm.max_concurrency} in a configuration file).
     *
     * @param concurrencyLimit the limit settings
     * @return this builder
     */
    public Builder concurrencyLimit(
        dev.trinity.core.resilience.ConcurrencyLimitConfig concurrencyLimit) {
      this.config = config.toBuilder().concurrencyLimit(concurrencyLimit).build();
      return this;
    }

    /**
     * Sets the {@code logging:} section: when not empty, {@link #build()} configures Logback with
     * it (see {@link LoggingConfig}).
     *
     * @param logging the logging settings
     * @return this builder
     */
    public Builder logging(LoggingConfig logging) {
      this.config = config.toBuilder().logging(logging).build();
      return this;
    }

    /**
     * Replaces the {@code cache:} section.
     *
     * @param cache the cache settings
     * @return this builder
     */
    public Builder cache(dev.trinity.cache.CacheConfig cache) {
      this.config = config.toBuilder().cache(cache).build();
      return this;
    }

    /**
     * Replaces the {@code fleet:} section (fleet-wide single flight; needs the Redis cache tier).
     *
     * @param fleet the fleet settings
     * @return this builder
     * @throws dev.trinity.api.ConfigurationException when fleet mode is on and the {@code cache:}
     *     section in force has no Redis tier
     */
    public Builder fleet(FleetConfig fleet) {
      this.config = config.toBuilder().fleet(fleet).build();
      return this;
    }

    /**
     * Sets the clock (a fake one in tests). Defaults to the UTC system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the scheduler for back-off and deadlines (a virtual-time one in tests). Defaults to one
     * daemon thread that Trinity owns.
     *
     * @param scheduler the scheduler; the host keeps ownership
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Sets the executor that runs the HTTP client's work and the pipeline's callbacks. Defaults to
     * a cached pool of daemon threads that Trinity owns.
     *
     * @param executor the executor; the host keeps ownership
     * @return this builder
     */
    public Builder httpExecutor(Executor executor) {
      this.httpExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Uses a cache manager the host built, instead of one from the {@code cache:} section. The host
     * keeps ownership: {@link Trinity#close()} does not close it.
     *
     * @param cache the cache manager
     * @return this builder
     */
    public Builder cacheManager(CacheManager cache) {
      this.cache = Objects.requireNonNull(cache, "cache");
      return this;
    }

    /**
     * Sets the source of jitter (fixed in tests). Defaults to {@link ThreadLocalRandom}.
     *
     * @param random uniform numbers in [0, 1)
     * @return this builder
     */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Adds a listener that hears every call of the instance (started, retry scheduled, cache hit,
     * completed, failed), the circuit breaker's transitions and the content engine's repairs and
     * fallbacks; see {@link RequestListener} for the contract. Listeners are called in the order
     * added; one that throws is logged and skipped, never failing a call.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder addListener(RequestListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Registers a provider factory, in addition to those {@link ProviderFactories} finds; it wins
     * over a discovered factory of the same name.
     *
     * @param factory the factory
     * @return this builder
     */
    public Builder registerProvider(LlmProviderFactory factory) {
      Objects.requireNonNull(factory, "factory");
      factories.put(factory.name(), factory);
      return this;
    }

    /**
     * Uses a provider instance the host made, instead of creating one from {@code llm.provider}.
     * The host keeps ownership: {@link Trinity#close()} does not close it.
     *
     * @param provider the provider
     * @return this builder
     */
    public Builder provider(LlmProvider provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * Builds the instance.
     *
     * <p>When the configuration's {@code logging:} section is not empty, this first configures
     * Logback with it, replacing the host's Logback configuration (see {@link LoggingConfig}).
     *
     * @return a new instance
     * @throws ConfigurationException when the provider is unknown or rejects the configuration, or
     *     the {@code logging:} section cannot be applied
     */
    public Trinity build() {
      return new Trinity(this);
    }
  }
}
