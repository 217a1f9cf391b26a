package dev.trinity.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

@SuppressWarnings("try") // scopes opened only for their effect on the MDC
class MdcSnapshotTest {

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  @Test
  void captureCopiesTheWholeMdcAndIgnoresLaterChanges() {
    MDC.put("correlation_id", "build-1");
    MDC.put("tenant", "acme");

    MdcSnapshot snapshot = MdcSnapshot.capture();
    MDC.put("correlation_id", "build-2");

    assertThat(snapshot.asMap())
        .containsExactlyInAnyOrderEntriesOf(Map.of("correlation_id", "build-1", "tenant", "acme"));
    assertThat(snapshot.get("tenant")).isEqualTo("acme");
    assertThatThrownBy(() -> snapshot.asMap().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void captureOfAnEmptyMdcIsTheEmptySnapshot() {
    assertThat(MdcSnapshot.capture()).isSameAs(MdcSnapshot.empty());
    assertThat(MdcSnapshot.empty().isEmpty()).isTrue();
  }

  @Test
  void ofCopiesItsArgument() {
    Map<String, String> entries = new HashMap<>(Map.of("correlation_id", "build-1"));
    MdcSnapshot snapshot = MdcSnapshot.of(entries);
    entries.put("correlation_id", "changed");

    assertThat(snapshot.get("correlation_id")).isEqualTo("build-1");
  }

  @Test
  void runReplacesTheMdcForTheTaskAndRestoresItAfterwards() {
    MDC.put("correlation_id", "outer");
    MDC.put("only_outside", "x");
    MdcSnapshot snapshot = MdcSnapshot.of(Map.of("correlation_id", "inner"));
    Map<String, String> seen = new HashMap<>();

    snapshot.run(() -> seen.putAll(MDC.getCopyOfContextMap()));

    assertThat(seen).containsExactlyEntriesOf(Map.of("correlation_id", "inner"));
    assertThat(MDC.getCopyOfContextMap())
        .containsExactlyInAnyOrderEntriesOf(Map.of("correlation_id", "outer", "only_outside", "x"));
  }

  @Test
  void callReturnsTheSuppliersValueAndRestoresTheMdcWhenItThrows() {
    MdcSnapshot snapshot = MdcSnapshot.of(Map.of("correlation_id", "inner"));

    assertThat(snapshot.call(() -> MDC.get("correlation_id"))).isEqualTo("inner");
    assertThatThrownBy(
            () ->
                snapshot.call(
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  @Test
  void nestedScopesEachRestoreWhatWasThereWhenTheyOpened() {
    MDC.put("correlation_id", "outer");
    MdcSnapshot first = MdcSnapshot.of(Map.of("correlation_id", "first"));
    MdcSnapshot second = MdcSnapshot.of(Map.of("correlation_id", "second", "extra", "e"));

    try (MdcSnapshot.Scope a = first.apply()) {
      assertThat(MDC.get("correlation_id")).isEqualTo("first");
      try (MdcSnapshot.Scope b = second.apply()) {
        assertThat(MDC.getCopyOfContextMap())
            .containsExactlyInAnyOrderEntriesOf(Map.of("correlation_id", "second", "extra", "e"));
      }
      assertThat(MDC.getCopyOfContextMap())
          .containsExactlyEntriesOf(Map.of("correlation_id", "first"));
      try (CorrelationContext c = CorrelationContext.open("third")) {
        assertThat(MDC.get("correlation_id")).isEqualTo("third");
      }
      assertThat(MDC.get("correlation_id")).isEqualTo("first");
    }
    assertThat(MDC.getCopyOfContextMap())
        .containsExactlyEntriesOf(Map.of("correlation_id", "outer"));
  }

  @Test
  void theEmptySnapshotClearsTheMdcForItsScope() {
    MDC.put("correlation_id", "outer");

    String inside = MdcSnapshot.empty().call(() -> MDC.get("correlation_id"));

    assertThat(inside).isNull();
    assertThat(MDC.get("correlation_id")).isEqualTo("outer");
  }

  @Test
  void closingAScopeTwiceRestoresOnlyOnce() {
    MdcSnapshot.Scope scope = MdcSnapshot.of(Map.of("k", "v")).apply();
    scope.close();
    MDC.put("k", "set later");

    scope.close();

    assertThat(MDC.get("k")).isEqualTo("set later");
  }

  @Test
  void aSnapshotAlreadyInPlaceStaysAndIsPutBackWhenTheScopeChangedIt() {
    MDC.put("correlation_id", "c-1");
    MdcSnapshot same = MdcSnapshot.of(Map.of("correlation_id", "c-1"));

    try (MdcSnapshot.Scope untouched = same.apply()) {
      assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("correlation_id", "c-1"));
    }
    assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("correlation_id", "c-1"));

    try (MdcSnapshot.Scope changed = same.apply()) {
      MDC.put("leaked", "x");
      MDC.put("correlation_id", "c-2");
    }
    assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("correlation_id", "c-1"));
  }

  @Test
  void theEmptySnapshotOnAnEmptyMdcPutsBackAnEmptyMdcWhenTheScopeAddedToIt() {
    try (MdcSnapshot.Scope scope = MdcSnapshot.empty().apply()) {
      MDC.put("leaked", "x");
    }
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  @Test
  void nestedScopesOfTheSameSnapshotRestoreTheCallersMdc() {
    MDC.put("tenant", "acme");
    MdcSnapshot call = MdcSnapshot.of(Map.of("correlation_id", "c-1"));

    try (MdcSnapshot.Scope outer = call.apply()) {
      try (MdcSnapshot.Scope inner = call.apply()) {
        assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("correlation_id", "c-1"));
      }
      assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("correlation_id", "c-1"));
    }
    assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("tenant", "acme"));
  }

  @Test
  void withAddsOrReplacesOneEntryAndLeavesTheOriginalAlone() {
    MDC.put("tenant", "acme");
    MDC.put("correlation_id", "outer");
    MdcSnapshot captured = MdcSnapshot.capture();

    MdcSnapshot call = captured.with("correlation_id", "c-1");

    assertThat(call.asMap()).isEqualTo(Map.of("tenant", "acme", "correlation_id", "c-1"));
    assertThat(captured.asMap()).isEqualTo(Map.of("tenant", "acme", "correlation_id", "outer"));
    assertThat(MdcSnapshot.empty().with("k", "v").asMap()).isEqualTo(Map.of("k", "v"));
    assertThatThrownBy(() -> call.asMap().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> call.with("k", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aCapturedSnapshotDoesNotFollowLaterChangesToTheMdc() {
    MDC.put("k", "before");
    MdcSnapshot captured = MdcSnapshot.capture();
    MDC.put("k", "after");
    MDC.remove("k");

    assertThat(captured.asMap()).isEqualTo(Map.of("k", "before"));
  }
}
