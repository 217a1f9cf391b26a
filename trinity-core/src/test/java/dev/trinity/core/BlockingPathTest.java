package dev.trinity.core;

import static dev.trinity.core.PipelineHarness.ok;
import static dev.trinity.core.PipelineHarness.resultOf;
import static dev.trinity.core.PipelineHarness.status;
import static dev.trinity.core.PipelineHarness.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.trinity.api.CachePolicy;
import dev.trinity.api.HttpTransport;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ProviderContext;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.logging.CorrelationContext;
import dev.trinity.logging.LogEvents;
import dev.trinity.test.LogCapture;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.net.ssl.SSLSession;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * The blocking client runs the same pipeline as the async one, but the exchange runs on the
 * caller's thread: the deadline, cancellation by interrupt, retries, single flight and the MDC
 * still behave as on the async path.
 */
class BlockingPathTest {
  private PipelineHarness h;
  private final ExecutorService others = Executors.newCachedThreadPool();

  @AfterEach
  void close() {
    others.shutdownNow();
    if (h != null) {
      h.close();
    }
  }

  /** Records, for each exchange a provider sends through the shared transport, how it went. */
  private static final class Observed {
    volatile Thread sentOn;
    volatile boolean completeWhenReturned;
    volatile Thread answeredOn;
  }

  /** The test provider, handed a transport that reports each exchange to {@code observed}. */
  private static LlmProviderFactory observing(Observed observed) {
    return new LlmProviderFactory() {
      @Override
      public String name() {
        return JsonTestProvider.NAME;
      }

      @Override
      public LlmProvider create(ProviderConfig config, ProviderContext context) {
        HttpTransport shared = context.transport();
        HttpTransport watching =
            (request, provider, model) -> {
              observed.sentOn = Thread.currentThread();
              CompletableFuture<HttpResponse<byte[]>> f = shared.send(request, provider, model);
              observed.completeWhenReturned = f.isDone();
              return f.whenComplete((r, e) -> observed.answeredOn = Thread.currentThread());
            };
        return JsonTestProvider.factory().create(config, contextWith(watching, context.clock()));
      }
    };
  }

  /** A blocking caller on a thread of its own: what it threw, and its interrupt status after. */
  private static final class Caller {
    final CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    final CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
    final Thread thread;

    Caller(Runnable call, Runnable then) {
      thread =
          new Thread(
              () -> {
                try {
                  call.run();
                  thrown.complete(null);
                } catch (Throwable t) {
                  thrown.complete(t);
                }
                interruptedAfter.complete(Thread.currentThread().isInterrupted());
                then.run();
              });
      thread.setDaemon(true);
      thread.start();
    }

    Throwable failure() {
      waiting().until(thrown::isDone);
      return thrown.join();
    }
  }

  private static ProviderContext contextWith(HttpTransport transport, Clock clock) {
    return new ProviderContext() {
      @Override
      public HttpTransport transport() {
        return transport;
      }

      @Override
      public Clock clock() {
        return clock;
      }
    };
  }

  @Test
  void theBlockingClientRunsTheExchangeOnTheCallersThread() throws Exception {
    Observed observed = new Observed();
    h = new PipelineHarness(b -> b.registerProvider(observing(observed)));
    h.server.enqueue(ok("here"));

    LlmResponse r = h.trinity.llm().generate("hi");

    assertThat(r.text()).isEqualTo("here");
    assertThat(observed.sentOn).isSameAs(Thread.currentThread());
    assertThat(observed.completeWhenReturned).isTrue();
    assertThat(observed.answeredOn).isSameAs(Thread.currentThread());
  }

  @Test
  void theAsyncClientStillAnswersOnTheTransportsThreads() throws Exception {
    Observed observed = new Observed();
    h = new PipelineHarness(b -> b.registerProvider(observing(observed)));
    h.server.enqueue(ok("here").newBuilder().headersDelay(50, TimeUnit.MILLISECONDS).build());

    CompletableFuture<LlmResponse> f = h.trinity.llmAsync().generate(LlmRequest.of("hi"));

    assertThat(observed.completeWhenReturned).isFalse();
    assertThat(resultOf(f).text()).isEqualTo("here");
    assertThat(observed.answeredOn).isNotNull().isNotSameAs(Thread.currentThread());
  }

  @Test
  void aTransportOfItsOwnThatAnswersOnAnotherThreadStillServesTheBlockingClient() throws Exception {
    AtomicReference<Thread> answeredOn = new AtomicReference<>();
    HttpTransport ownTransport =
        (request, provider, model) ->
            CompletableFuture.supplyAsync(
                () -> {
                  answeredOn.set(Thread.currentThread());
                  return response(request, "{\"text\":\"from my transport\"}");
                },
                others);
    LlmProviderFactory factory =
        new LlmProviderFactory() {
          @Override
          public String name() {
            return JsonTestProvider.NAME;
          }

          @Override
          public LlmProvider create(ProviderConfig config, ProviderContext context) {
            return JsonTestProvider.factory()
                .create(config, contextWith(ownTransport, context.clock()));
          }
        };
    h = new PipelineHarness(b -> b.registerProvider(factory));

    LlmResponse r = h.trinity.llm().generate("hi");

    assertThat(r.text()).isEqualTo("from my transport");
    assertThat(answeredOn.get()).isNotNull().isNotSameAs(Thread.currentThread());
  }

  @Test
  void theExchangeIsBoundedByTheTimeLeftBeforeTheDeadline() throws Exception {
    // virtual time never moves here, so the deadline timer never fires: what ends the call is the
    // exchange's own timeout, the time left before the deadline (real time)
    h = PipelineHarness.withConfig(c -> c.toBuilder().retry(RetryConfig.disabled()).build());
    h.server.enqueue(ok("late").newBuilder().headersDelay(30, TimeUnit.SECONDS).build());
    LlmRequest request = LlmRequest.builder().prompt("hi").timeout(Duration.ofMillis(300)).build();

    Throwable t = thrownBy(() -> h.trinity.llm().generate(request));

    assertThat(t)
        .isInstanceOf(RequestTimeoutException.class)
        .hasMessage("json-test did not answer within the request timeout of 300 ms");
  }

  @Test
  void theDeadlineAbortsAnExchangeWaitingForItsHeaders() throws Exception {
    h = new PipelineHarness();
    h.server.enqueue(ok("late").newBuilder().headersDelay(30, TimeUnit.SECONDS).build());
    h.server.enqueue(ok("next"));
    assertDeadlineAbortsTheExchangeOnTheCallersThread();
  }

  @Test
  void theDeadlineAbortsAnExchangeWhoseBodyIsStillComing() throws Exception {
    h = new PipelineHarness();
    h.server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body("{\"text\":\"" + "x".repeat(2_000) + "\"}")
            .throttleBody(10, 100, TimeUnit.MILLISECONDS)
            .build());
    h.server.enqueue(ok("next"));
    assertDeadlineAbortsTheExchangeOnTheCallersThread();
  }

  private void assertDeadlineAbortsTheExchangeOnTheCallersThread() {
    LlmRequest request = LlmRequest.builder().prompt("hi").timeout(Duration.ofSeconds(5)).build();
    CompletableFuture<String> nextAnswer = new CompletableFuture<>();
    Caller caller =
        new Caller(
            () -> h.trinity.llm().generate(request),
            () -> nextAnswer.complete(h.trinity.llm().generate("again").text()));
    h.awaitRequests(1);

    h.time.advance(Duration.ofSeconds(5));

    Throwable t = caller.failure();
    assertThat(t).isInstanceOf(RequestTimeoutException.class);
    assertThat(((RequestTimeoutException) t).isDeadlineExceeded()).isTrue();
    assertThat(caller.interruptedAfter.join()).as("no interrupt leaks to the caller").isFalse();
    waiting().until(nextAnswer::isDone);
    assertThat(nextAnswer.join()).isEqualTo("next");
  }

  @Test
  void interruptingTheCallerAbortsTheExchangeAndKeepsTheInterrupt() throws Exception {
    h = new PipelineHarness();
    h.server.enqueue(ok("late").newBuilder().headersDelay(30, TimeUnit.SECONDS).build());
    Caller caller = new Caller(() -> h.trinity.llm().generate("hi"), () -> {});
    h.awaitRequests(1);
    waiting().until(() -> h.trinity.concurrencyLimiter().inFlight() == 1);

    caller.thread.interrupt();

    assertThat(caller.failure())
        .isInstanceOf(CancellationException.class)
        .hasMessage("interrupted while waiting for a model");
    assertThat(caller.interruptedAfter.join()).isTrue();
    assertThat(h.trinity.concurrencyLimiter().inFlight()).isZero();
    assertThat(h.time.pendingCount()).as("the deadline timer is gone").isZero();
  }

  @Test
  void aRetryAfterABackOffStillHappensForABlockingCaller() throws Exception {
    h = new PipelineHarness();
    h.server.enqueue(status(503));
    h.server.enqueue(ok("second time"));
    CompletableFuture<LlmResponse> f = h.send(PipelineHarness.Door.SYNC);
    h.awaitRequests(1);

    h.time.advance(h.awaitRetryScheduled());

    LlmResponse r = resultOf(f);
    assertThat(r.text()).isEqualTo("second time");
    assertThat(r.attempts()).isEqualTo(2);
  }

  @Test
  void anInterruptedBlockingCallerLeavesTheSharedCallToTheOthersWaitingForIt() throws Exception {
    h = new PipelineHarness();
    h.server.enqueue(ok("late").newBuilder().headersDelay(30, TimeUnit.SECONDS).build());
    h.server.enqueue(ok("shared"));
    LlmRequest request = LlmRequest.builder().prompt("same").cachePolicy(CachePolicy.USE).build();
    Caller leader = new Caller(() -> h.trinity.llm().generate(request), () -> {});
    h.awaitRequests(1);
    CompletableFuture<LlmResponse> follower = h.trinity.llmAsync().generate(request);
    assertThat(follower).isNotDone();

    leader.thread.interrupt();

    assertThat(resultOf(follower).text()).isEqualTo("shared");
    assertThat(leader.failure()).isInstanceOf(CancellationException.class);
    assertThat(h.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theCallersMdcIsKeptAndTheCallsEventsCarryTheCorrelationId() throws Exception {
    h = new PipelineHarness();
    h.server.enqueue(ok("here"));
    try (LogCapture captured = LogCapture.of("dev.trinity").atLevel(Level.INFO).start()) {
      MDC.put("tenant", "acme");
      LlmResponse r = h.trinity.llm().generate("hi");

      assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("tenant", "acme"));
      List<ILoggingEvent> completed = captured.events(LogEvents.LLM_REQUEST_COMPLETED);
      assertThat(completed).hasSize(1);
      assertThat(completed.get(0).getThreadName()).isEqualTo(Thread.currentThread().getName());
      assertThat(completed.get(0).getMDCPropertyMap())
          .containsEntry("tenant", "acme")
          .containsEntry(CorrelationContext.MDC_KEY, r.correlationId().orElseThrow());
    } finally {
      MDC.clear();
    }
  }

  private static Throwable thrownBy(Supplier<?> call) {
    try {
      call.get();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("expected a failure");
  }

  private static HttpResponse<byte[]> response(HttpRequest request, String json) {
    byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new HttpResponse<>() {
      @Override
      public int statusCode() {
        return 200;
      }

      @Override
      public HttpRequest request() {
        return request;
      }

      @Override
      public Optional<HttpResponse<byte[]>> previousResponse() {
        return Optional.empty();
      }

      @Override
      public HttpHeaders headers() {
        return HttpHeaders.of(Map.of(), (a, b) -> true);
      }

      @Override
      public byte[] body() {
        return body;
      }

      @Override
      public Optional<SSLSession> sslSession() {
        return Optional.empty();
      }

      @Override
      public java.net.URI uri() {
        return request.uri();
      }

      @Override
      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }
    };
  }
}
