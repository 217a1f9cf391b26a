package dev.trinity.core.content.internal;

import dev.trinity.api.content.BatchOptions;
import dev.trinity.api.content.BatchProgress;
import dev.trinity.api.content.BatchResult;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.ItemResult;
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.MdcSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch with at most {@code maxConcurrency} requests in flight, without a thread waiting:
 * each finished request starts the next. Starting is trampolined (one thread drains the queue at a
 * time), so requests that finish at once cannot recurse the stack however long the batch is.
 */
final class BatchRunner {
  private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);

  private final List<ContentRequest> requests;
  private final BatchOptions options;
  private final Function<ContentRequest, CompletableFuture<GeneratedContent>> generate;
  private final ItemResult[] items;
  private final CompletableFuture<BatchResult> result = new CompletableFuture<>();
  private final Set<CompletableFuture<GeneratedContent>> running = ConcurrentHashMap.newKeySet();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger drainers = new AtomicInteger();
  // The caller's logging context: every item starts under it, not under the context of whichever
  // item's completion happens to start the next one (that would hand its correlation id on).
  private final MdcSnapshot callerMdc = MdcSnapshot.capture();
  private int next; // guarded by the drain loop: only one thread at a time advances it
  private int done; // guarded by this
  private int failed; // guarded by this

  BatchRunner(
      List<ContentRequest> requests,
      BatchOptions options,
      Function<ContentRequest, CompletableFuture<GeneratedContent>> generate) {
    this.requests = List.copyOf(requests);
    this.options = options;
    this.generate = generate;
    this.items = new ItemResult[this.requests.size()];
    result.whenComplete(
        (r, e) -> {
          if (result.isCancelled()) {
            new ArrayList<>(running).forEach(f -> f.cancel(true));
          }
        });
  }

  CompletableFuture<BatchResult> run() {
    if (requests.isEmpty()) {
      result.complete(new BatchResult(List.of()));
      return result;
    }
    drain();
    return result;
  }

  /** Starts requests while there are permits; a finishing request calls back in here. */
  private void drain() {
    if (drainers.getAndIncrement() != 0) {
      return; // the thread draining now will loop once more
    }
    do {
      while (!result.isDone() && next < requests.size()) {
        if (inFlight.incrementAndGet() > options.maxConcurrency()) {
          inFlight.decrementAndGet();
          break;
        }
        int index = next++;
        start(index);
      }
    } while (drainers.decrementAndGet() != 0);
  }

  private void start(int index) {
    ContentRequest request = requests.get(index);
    CompletableFuture<GeneratedContent> f;
    try {
      f = callerMdc.call(() -> generate.apply(request));
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    running.add(f);
    CompletableFuture<GeneratedContent> call = f;
    call.whenComplete(
        (content, failure) -> {
          running.remove(call);
          ItemResult item =
              failure == null
                  ? ItemResult.success(index, request, content)
                  : ItemResult.failure(index, request, Futures.asTrinityException(failure));
          finished(item);
          inFlight.decrementAndGet();
          drain();
        });
  }

  private void finished(ItemResult item) {
    BatchProgress progress;
    boolean last;
    synchronized (this) {
      items[item.index()] = item;
      done++;
      if (!item.isSuccess()) {
        failed++;
      }
      progress = new BatchProgress(done, items.length, failed, item);
      last = done == items.length;
      try {
        options.progressListener().onProgress(progress);
      } catch (RuntimeException e) {
        log.atWarn()
            .setMessage(LogEvents.BATCH_PROGRESS_LISTENER_FAILED)
            .addKeyValue(LogEvents.Keys.ERROR_TYPE, e.getClass().getSimpleName())
            .setCause(e)
            .log();
      }
    }
    if (last) {
      result.complete(new BatchResult(Arrays.asList(items)));
    }
  }
}
