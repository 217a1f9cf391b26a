package dev.trinity.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.api.content.ContentSource;
import dev.trinity.api.content.Fallback;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.core.PipelineHarness;
import dev.trinity.core.PipelineHarness.Wire;
import dev.trinity.core.RecordingListener;
import dev.trinity.core.metrics.TrinityMetrics;
import dev.trinity.core.observe.ContentEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The content engine reports its repairs and fallbacks to the instance's listeners. */
class ContentEventsTest {
  private final RecordingListener events = new RecordingListener();
  private final TrinityMetrics metrics = new TrinityMetrics();
  private final MeterRegistry registry = new SimpleMeterRegistry();

  {
    metrics.bindTo(registry);
  }

  @Test
  void aRepairIsReportedWithTheGenerationsCorrelationIdAndCounted() {
    try (PipelineHarness h =
        new PipelineHarness(Wire.OLLAMA, b -> b.addListener(events).addListener(metrics))) {
      h.server.enqueue(h.answer(ContentRepairTest.BROKEN));
      h.server.enqueue(h.answer(PipelineHarness.VALID));
      AsyncContentEngine engine = h.engine();

      GeneratedContent result =
          PipelineHarness.resultOf(
              engine.generateAsync(PipelineHarness.PORTFOLIO, engine.theme("hacker")));

      assertThat(result.repairs()).isEqualTo(1);
      ContentEvent repair = events.events(ContentEvent.class).get(0);
      assertThat(repair.kind()).isEqualTo("repair");
      assertThat(repair.theme()).isEqualTo("hacker");
      assertThat(repair.correlationId()).isEqualTo(result.correlationId());
      assertThat(events.names())
          .containsExactly("endpoint", "started", "failed", "repair", "started", "completed");
      assertThat(
              events.seen().stream()
                  .filter(s -> s.name().equals("repair"))
                  .findFirst()
                  .get()
                  .mdcCorrelationId())
          .isEqualTo(result.correlationId());
      assertThat(
              registry
                  .get(TrinityMetrics.CONTENT_REPAIRS)
                  .tags("theme", "hacker")
                  .counter()
                  .count())
          .isEqualTo(1);
    }
  }

  @Test
  void aFallbackIsReportedWithItsKindAndCounted() {
    try (PipelineHarness h =
        new PipelineHarness(Wire.OLLAMA, b -> b.addListener(events).addListener(metrics))) {
      h.server.enqueue(PipelineHarness.status(502));
      AsyncContentEngine engine = h.engine(b -> b.fallback(Fallback.offline()));

      GeneratedContent result =
          PipelineHarness.resultOf(
              engine.generateAsync(OfflineAndFallbackTest.fixture(), "hacker"));

      assertThat(result.source()).isEqualTo(ContentSource.FALLBACK);
      assertThat(events.events(ContentEvent.class))
          .containsExactly(new ContentEvent(result.correlationId(), "hacker", "offline"));
      assertThat(
              registry
                  .get(TrinityMetrics.CONTENT_FALLBACKS)
                  .tags("theme", "hacker", "fallback", "offline")
                  .counter()
                  .count())
          .isEqualTo(1);
    }
  }
}
