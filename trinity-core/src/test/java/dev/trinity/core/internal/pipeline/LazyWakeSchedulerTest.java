package dev.trinity.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.core.Scheduler;
import dev.trinity.test.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyWakeSchedulerTest {
  private final VirtualTime time = new VirtualTime();
  private final Instant start = time.now();
  private final AtomicInteger wakesAsked = new AtomicInteger();
  private final Scheduler counting =
      (task, delay) -> {
        wakesAsked.incrementAndGet();
        return time.schedule(task, delay)::cancel;
      };
  private final LazyWakeScheduler scheduler =
      new LazyWakeScheduler(counting, () -> Duration.between(start, time.now()).toNanos());

  @Test
  void deadlinesCancelledBeforeTheyFallDueAskForOneWakeUpPerTimeout() {
    for (int i = 0; i < 1_000; i++) {
      scheduler.schedule(() -> {}, Duration.ofSeconds(60)).cancel();
      time.advance(Duration.ofMillis(1));
    }

    assertThat(wakesAsked).hasValue(1);
    assertThat(scheduler.pending()).isZero();
    time.advance(Duration.ofSeconds(60));
    assertThat(time.pendingCount()).as("the wake-up found nothing and asked for no other").isZero();
  }

  @Test
  void tasksRunOnceEachAtTheirDueTimeInOrder() {
    List<String> ran = new ArrayList<>();
    scheduler.schedule(() -> ran.add("c@" + time.now()), Duration.ofSeconds(3));
    scheduler.schedule(() -> ran.add("a@" + time.now()), Duration.ofSeconds(1));
    scheduler.schedule(() -> ran.add("b@" + time.now()), Duration.ofSeconds(2));
    scheduler.schedule(() -> ran.add("a2@" + time.now()), Duration.ofSeconds(1));

    time.advance(Duration.ofMillis(999));
    assertThat(ran).isEmpty();
    time.advance(Duration.ofSeconds(5));

    assertThat(ran)
        .containsExactly(
            "a@" + start.plusSeconds(1),
            "a2@" + start.plusSeconds(1),
            "b@" + start.plusSeconds(2),
            "c@" + start.plusSeconds(3));
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void aTaskDueBeforeThePlannedWakeUpReplacesIt() {
    List<String> ran = new ArrayList<>();
    scheduler.schedule(() -> ran.add("late"), Duration.ofSeconds(60));
    scheduler.schedule(() -> ran.add("soon"), Duration.ofSeconds(1));

    assertThat(time.pendingDelays()).containsExactly(Duration.ofSeconds(1));
    time.advance(Duration.ofSeconds(1));
    assertThat(ran).containsExactly("soon");
    assertThat(time.pendingDelays()).containsExactly(Duration.ofSeconds(59));
    time.advance(Duration.ofSeconds(59));
    assertThat(ran).containsExactly("soon", "late");
  }

  @Test
  void aCancelledTaskNeverRuns() {
    List<String> ran = new ArrayList<>();
    Scheduler.Cancellable first = scheduler.schedule(() -> ran.add("first"), Duration.ofSeconds(1));
    scheduler.schedule(() -> ran.add("second"), Duration.ofSeconds(2));
    first.cancel();

    time.advance(Duration.ofSeconds(3));

    assertThat(ran).containsExactly("second");
  }

  @Test
  void aTaskThatThrowsDoesNotKeepTheOthersFromRunning() {
    List<String> ran = new ArrayList<>();
    scheduler.schedule(
        () -> {
          throw new IllegalStateException("boom");
        },
        Duration.ofSeconds(1));
    scheduler.schedule(() -> ran.add("after"), Duration.ofSeconds(1));
    scheduler.schedule(() -> ran.add("later"), Duration.ofSeconds(2));

    assertThatThrownBy(() -> time.advance(Duration.ofSeconds(1))).hasMessage("boom");
    assertThat(ran).containsExactly("after");
    time.advance(Duration.ofSeconds(1));
    assertThat(ran).containsExactly("after", "later");
  }

  @Test
  void delaysTooLongForNanosecondsAreHeldAndZeroOrNegativeRunAtOnce() {
    List<String> ran = new ArrayList<>();
    scheduler.schedule(() -> ran.add("never"), Duration.ofDays(365L * 1_000_000));
    scheduler.schedule(() -> ran.add("now"), Duration.ofSeconds(-1));
    scheduler.schedule(() -> ran.add("zero"), Duration.ZERO);

    time.advance(Duration.ZERO);

    assertThat(ran).containsExactly("now", "zero");
    assertThat(scheduler.pending()).isEqualTo(1);
  }
}
