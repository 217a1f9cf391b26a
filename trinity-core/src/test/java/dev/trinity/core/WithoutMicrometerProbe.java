package dev.trinity.core;

import dev.trinity.api.LlmRequest;
import dev.trinity.core.PipelineHarness.Door;
import dev.trinity.core.observe.RequestCompleted;
import dev.trinity.core.observe.RequestListener;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run inside a class loader that hides Micrometer and OpenTelemetry: builds a Trinity with a
 * listener, makes a call, and says what happened.
 */
public final class WithoutMicrometerProbe {
  private WithoutMicrometerProbe() {}

  /** Returns "hidden=<bool> text=<answer> completed=<n>". */
  public static String run() {
    boolean hidden;
    try {
      Class.forName("io.micrometer.core.instrument.MeterRegistry");
      hidden = false;
    } catch (ClassNotFoundException expected) {
      hidden = true;
    }
    AtomicInteger completed = new AtomicInteger();
    RequestListener counter =
        new RequestListener() {
          @Override
          public void onCompleted(RequestCompleted event) {
            completed.incrementAndGet();
          }
        };
    try (PipelineHarness h = new PipelineHarness(b -> b.addListener(counter))) {
      h.server.enqueue(PipelineHarness.ok("fine"));
      String text = PipelineHarness.resultOf(h.send(Door.SYNC, LlmRequest.of("hi"))).text();
      return "hidden=" + hidden + " text=" + text + " completed=" + completed.get();
    }
  }
}
