package dev.trinity.core.internal.pipeline;

import dev.trinity.api.ProviderException;
import dev.trinity.api.TrinityException;
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
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.LogEvents.Keys;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one instance, and the one place they are called: each call is guarded, so a
 * listener that throws is logged and skipped and never breaks the call. Immutable.
 */
public final class Listeners {
  private static final Logger log = LoggerFactory.getLogger(Listeners.class);

  /** No listeners: every dispatch is a no-op. */
  public static final Listeners NONE = new Listeners(List.of());

  private final RequestListener[] listeners;

  /**
   * Wraps listeners, called in this order.
   *
   * @param listeners the listeners
   */
  public Listeners(List<RequestListener> listeners) {
    this.listeners = listeners.toArray(RequestListener[]::new);
  }

  /** Whether there is no listener (then no event is even built). */
  public boolean isEmpty() {
    return listeners.length == 0;
  }

  /** The kind of a failure as events name it: lower-case provider kind, else the class name. */
  public static String errorType(Throwable e) {
    if (e instanceof ProviderException pe) {
      return pe.kind().name().toLowerCase(Locale.ROOT);
    }
    return e.getClass().getSimpleName();
  }

  public void endpoint(Endpoint endpoint) {
    dispatch(l -> l.onEndpoint(endpoint));
  }

  public void started(CallInfo call) {
    dispatch(l -> l.onStarted(call));
  }

  public void retryScheduled(RetryScheduled event) {
    dispatch(l -> l.onRetryScheduled(event));
  }

  public void cacheHit(CacheHit event) {
    dispatch(l -> l.onCacheHit(event));
  }

  public void completed(RequestCompleted event) {
    dispatch(l -> l.onCompleted(event));
  }

  public void failed(RequestFailed event) {
    dispatch(l -> l.onFailed(event));
  }

  public void cancelled(RequestCancelled event) {
    dispatch(l -> l.onCancelled(event));
  }

  public void circuitStateChanged(CircuitStateChanged event) {
    dispatch(l -> l.onCircuitStateChanged(event));
  }

  public void contentRepair(ContentEvent event) {
    dispatch(l -> l.onContentRepair(event));
  }

  public void contentFallback(ContentEvent event) {
    dispatch(l -> l.onContentFallback(event));
  }

  /** Builds a failure event. */
  static RequestFailed failedEvent(CallContext ctx, TrinityException e) {
    return new RequestFailed(ctx.info(), e, errorType(e), e.attempts(), ctx.elapsedNonNegative());
  }

  private void dispatch(Consumer<RequestListener> event) {
    for (RequestListener l : listeners) {
      try {
        event.accept(l);
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable e) {
        log.atWarn()
            .setMessage(LogEvents.REQUEST_LISTENER_FAILED)
            .addKeyValue(Keys.LISTENER, l.getClass().getName())
            .addKeyValue(Keys.ERROR_TYPE, e.getClass().getSimpleName())
            .addKeyValue(Keys.ERROR, e.getMessage())
            .setCause(e)
            .log();
      }
    }
  }
}
