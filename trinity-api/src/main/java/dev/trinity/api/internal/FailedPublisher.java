package dev.trinity.api.internal;

import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * A publisher that fails every subscriber at once with the same exception, after handing it a
 * subscription that ignores requests.
 *
 * @param <T> the item type it never publishes
 */
public final class FailedPublisher<T> implements Flow.Publisher<T> {
  private final RuntimeException failure;

  /**
   * Creates the publisher.
   *
   * @param failure what every subscriber is told
   */
  public FailedPublisher(RuntimeException failure) {
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    subscriber.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {}

          @Override
          public void cancel() {}
        });
    subscriber.onError(failure);
  }
}
