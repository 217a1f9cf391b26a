package dev.trinity.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final VirtualTime time = new VirtualTime();
  private final List<String> ran = new ArrayList<>();

  @Test
  void startsAtTheDefaultStartAndMovesOnlyWhenAdvanced() {
    assertThat(time.now()).isEqualTo(START).isEqualTo(VirtualTime.DEFAULT_START);
    assertThat(time.clock().instant()).isEqualTo(START);
    assertThat(time.clock().instant()).isEqualTo(START);
    assertThat(time.clock().getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(time.clock().withZone(ZoneOffset.ofHours(2))).isSameAs(time.clock());

    time.advance(Duration.ofMinutes(5));

    assertThat(time.now()).isEqualTo(START.plusSeconds(300));
    assertThat(time.clock().millis()).isEqualTo(START.plusSeconds(300).toEpochMilli());
    assertThat(new VirtualTime(Instant.EPOCH).now()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void advanceRunsDueTasksInDueOrderWithTheClockAtEachDueTime() {
    time.schedule(() -> ran.add("b@" + time.clock().instant()), Duration.ofSeconds(2));
    time.schedule(() -> ran.add("a@" + time.clock().instant()), Duration.ofSeconds(1));
    time.schedule(() -> ran.add("c@" + time.clock().instant()), Duration.ofSeconds(10));

    time.advance(Duration.ofSeconds(5));

    assertThat(ran).containsExactly("a@" + START.plusSeconds(1), "b@" + START.plusSeconds(2));
    assertThat(time.now()).isEqualTo(START.plusSeconds(5));
    assertThat(time.pendingCount()).isEqualTo(1);
    assertThat(time.pendingDelays()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void tasksDueAtTheSameInstantRunInTheOrderTheyWereScheduled() {
    for (int i = 0; i < 5; i++) {
      int n = i;
      time.schedule(() -> ran.add("t" + n), Duration.ofSeconds(1));
    }

    time.advance(Duration.ofSeconds(1));

    assertThat(ran).containsExactly("t0", "t1", "t2", "t3", "t4");
  }

  @Test
  void aTaskScheduledByARunningTaskRunsInTheSameAdvanceWhenItFallsDue() {
    time.schedule(
        () -> {
          ran.add("first");
          time.schedule(() -> ran.add("second"), Duration.ofSeconds(1));
          time.schedule(() -> ran.add("too late"), Duration.ofSeconds(10));
        },
        Duration.ofSeconds(1));

    time.advance(Duration.ofSeconds(3));

    assertThat(ran).containsExactly("first", "second");
    assertThat(time.nextDelay()).contains(Duration.ofSeconds(8));
  }

  @Test
  void aNegativeDelayCountsAsZeroAndRunsOnAZeroAdvance() {
    time.schedule(() -> ran.add("now"), Duration.ofSeconds(-5));

    assertThat(time.pendingDelays()).containsExactly(Duration.ZERO);
    time.advance(Duration.ZERO);

    assertThat(ran).containsExactly("now");
    assertThat(time.now()).isEqualTo(START);
  }

  @Test
  void aCancelledTaskNeverRunsAndCancellingTwiceIsHarmless() {
    VirtualTime.ScheduledTask t = time.schedule(() -> ran.add("cancelled"), Duration.ofSeconds(1));
    time.schedule(() -> ran.add("kept"), Duration.ofSeconds(2));
    assertThat(t.due()).isEqualTo(START.plusSeconds(1));

    t.cancel();
    t.cancel();
    time.advance(Duration.ofSeconds(5));

    assertThat(ran).containsExactly("kept");
  }

  @Test
  void runNextMovesToTheSoonestTaskAndSaysWhenNothingIsLeft() {
    time.schedule(() -> ran.add("later"), Duration.ofSeconds(7));
    time.schedule(() -> ran.add("sooner"), Duration.ofSeconds(3));

    assertThat(time.runNext()).isTrue();
    assertThat(ran).containsExactly("sooner");
    assertThat(time.now()).isEqualTo(START.plusSeconds(3));
    assertThat(time.runNext()).isTrue();
    assertThat(time.now()).isEqualTo(START.plusSeconds(7));
    assertThat(time.runNext()).isFalse();
    assertThat(time.now()).isEqualTo(START.plusSeconds(7));
    assertThat(time.nextDelay()).isEmpty();
  }

  @Test
  void runUntilIdleRunsEverythingIncludingWhatTasksSchedule() {
    time.schedule(
        () -> {
          ran.add("a");
          time.schedule(() -> ran.add("c"), Duration.ofMinutes(10));
        },
        Duration.ofSeconds(1));
    time.schedule(() -> ran.add("b"), Duration.ofSeconds(2));

    assertThat(time.runUntilIdle()).isEqualTo(3);

    assertThat(ran).containsExactly("a", "b", "c");
    assertThat(time.now()).isEqualTo(START.plusSeconds(1).plus(Duration.ofMinutes(10)));
    assertThat(time.runUntilIdle()).isZero();
  }

  @Test
  void autoAdvanceMovesTimeByTheStepAfterEachReadingWithoutRunningTasks() {
    time.schedule(() -> ran.add("due"), Duration.ofMillis(300));

    assertThat(time.autoAdvance(Duration.ofMillis(250))).isSameAs(time);
    assertThat(time.clock().instant()).isEqualTo(START);
    assertThat(time.clock().instant()).isEqualTo(START.plusMillis(250));
    assertThat(time.now()).isEqualTo(START.plusMillis(500));
    assertThat(ran).isEmpty();
    assertThat(time.pendingDelays()).containsExactly(Duration.ofMillis(-200));

    time.advance(Duration.ZERO);
    assertThat(ran).containsExactly("due");
    assertThat(time.now()).isEqualTo(START.plusMillis(500));

    time.autoAdvance(Duration.ZERO);
    assertThat(time.clock().instant()).isEqualTo(time.clock().instant());
  }

  @Test
  void runNextRunsATaskThatAReadingPushedPastDue() {
    time.autoAdvance(Duration.ofSeconds(10));
    time.schedule(() -> ran.add("past due"), Duration.ofSeconds(1));
    time.clock().instant();

    assertThat(time.runNext()).isTrue();

    assertThat(ran).containsExactly("past due");
    assertThat(time.now()).isEqualTo(START.plusSeconds(10));
  }

  @Test
  void badArgumentsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> time.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duration")
        .hasMessageContaining("PT-1S");
    assertThatThrownBy(() -> time.autoAdvance(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step");
    assertThatThrownBy(() -> time.schedule(null, Duration.ZERO))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("task");
    assertThatThrownBy(() -> time.schedule(() -> {}, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("delay");
    assertThatThrownBy(() -> new VirtualTime(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("start");
    assertThat(time.now()).isEqualTo(START);
  }

  @Test
  void tasksScheduledFromManyThreadsAllRunOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch scheduled = new CountDownLatch(400);
    List<Integer> runs = new ArrayList<>();
    try {
      for (int i = 0; i < 400; i++) {
        int n = i;
        pool.execute(
            () -> {
              VirtualTime.ScheduledTask t =
                  time.schedule(() -> runs.add(n), Duration.ofMillis(n % 10));
              if (n % 4 == 0) {
                t.cancel();
              }
              scheduled.countDown();
            });
      }
      assertThat(scheduled.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }

    time.advance(Duration.ofMillis(10));

    assertThat(runs).hasSize(300).doesNotHaveDuplicates().noneMatch(n -> n % 4 == 0);
    assertThat(time.pendingCount()).isZero();
  }
}
