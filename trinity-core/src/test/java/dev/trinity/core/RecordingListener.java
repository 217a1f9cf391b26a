package dev.trinity.core;

import dev.trinity.core.observe.CacheHit;
import dev.trinity.core.observe.CallInfo;
import dev.trinity.core.observe.CircuitStateChanged;
import dev.trinity.core.observe.ContentEvent;
import dev.trinity.core.observe.Endpoint;
import dev.trinity.core.observe.RequestCancelled;
import dev.trinity.core.observe.RequestCompleted;
import dev.trinity.core.observe.RequestFailed;
import dev.trinity.core.observe.RequestListener;
import dev.trinity.core.observe.RetryScheduled;
import dev.trinity.logging.CorrelationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Records every event, with the correlation id the MDC held when the callback ran. */
public final class RecordingListener implements RequestListener {
  /** One callback: its name, its event, and the MDC's correlation id at that moment. */
  public record Seen(String name, Object event, String mdcCorrelationId) {}

  private final List<Seen> seen = new ArrayList<>();

  public synchronized List<Seen> seen() {
    return List.copyOf(seen);
  }

  public synchronized List<String> names() {
    return seen.stream().map(Seen::name).toList();
  }

  @SuppressWarnings("unchecked")
  public synchronized <T> List<T> events(Class<T> type) {
    return seen.stream().map(Seen::event).filter(type::isInstance).map(e -> (T) e).toList();
  }

  private synchronized void add(String name, Object event) {
    seen.add(new Seen(name, event, Objects.toString(CorrelationContext.current(), "")));
  }

  @Override
  public void onEndpoint(Endpoint endpoint) {
    add("endpoint", endpoint);
  }

  @Override
  public void onStarted(CallInfo call) {
    add("started", call);
  }

  @Override
  public void onRetryScheduled(RetryScheduled event) {
    add("retry", event);
  }

  @Override
  public void onCacheHit(CacheHit event) {
    add("cache_hit", event);
  }

  @Override
  public void onCompleted(RequestCompleted event) {
    add("completed", event);
  }

  @Override
  public void onFailed(RequestFailed event) {
    add("failed", event);
  }

  @Override
  public void onCancelled(RequestCancelled event) {
    add("cancelled", event);
  }

  @Override
  public void onCircuitStateChanged(CircuitStateChanged event) {
    add("circuit", event);
  }

  @Override
  public void onContentRepair(ContentEvent event) {
    add("repair", event);
  }

  @Override
  public void onContentFallback(ContentEvent event) {
    add("fallback", event);
  }
}
