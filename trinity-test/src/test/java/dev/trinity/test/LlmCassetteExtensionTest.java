package dev.trinity.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.trinity.api.LlmRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs small test classes that use {@link LlmCassette} and looks at how they came out. */
class LlmCassetteExtensionTest {
  @TempDir Path root;
  final String dirBefore = System.getProperty(Cassette.DIRECTORY_PROPERTY);
  final String modeBefore = System.getProperty(CassetteMode.PROPERTY);

  static final LlmRequest ADA = LlmRequest.builder().prompt("Ada").model("llama3.2").build();
  static final LlmRequest LIN = LlmRequest.builder().prompt("Lin").model("llama3.2").build();

  @BeforeEach
  void recordAda() {
    Cassette.open(root, "portfolio-brutalist", CassetteMode.RECORD)
        .wrap(FakeProvider.echo())
        .generate(ADA)
        .join();
    System.setProperty(Cassette.DIRECTORY_PROPERTY, root.toString());
  }

  @AfterEach
  void restore() {
    restore(Cassette.DIRECTORY_PROPERTY, dirBefore);
    restore(CassetteMode.PROPERTY, modeBefore);
  }

  static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }

  /** The nested classes below run only when a test here launches them, not on their own. */
  static volatile boolean launched;

  static boolean launched() {
    return launched;
  }

  static TestExecutionSummary run(Class<?> testClass) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launched = true;
    try {
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
              listener);
    } finally {
      launched = false;
    }
    return listener.getSummary();
  }

  static List<String> failures(TestExecutionSummary summary) {
    return summary.getFailures().stream().map(f -> f.getException().getMessage()).toList();
  }

  @LlmCassette("portfolio-brutalist")
  @EnabledIf("dev.trinity.test.LlmCassetteExtensionTest#launched")
  static class ReplaysFromTheAnnotatedCassette {
    Cassette fromBeforeEach;

    @BeforeEach
    void setUp(Cassette cassette) {
      fromBeforeEach = cassette;
    }

    @Test
    void answersFromTheRecording(Cassette cassette, CassetteMode mode) {
      assertThat(cassette).isSameAs(fromBeforeEach);
      assertThat(mode).isEqualTo(CassetteMode.REPLAY);
      assertThat(cassette.mode()).isEqualTo(CassetteMode.REPLAY);
      assertThat(cassette.name()).isEqualTo("portfolio-brutalist");
      assertThat(cassette.directory().getFileName().toString()).isEqualTo("portfolio-brutalist");
      assertThat(cassette.wrap(FakeProvider.unreachable()).generate(ADA).join().text())
          .isEqualTo("echo: Ada");
    }

    @Test
    @LlmCassette("another")
    void theMethodsAnnotationWins(Cassette cassette) {
      assertThat(cassette.name()).isEqualTo("another");
      assertThat(cassette.keys()).isEmpty();
    }
  }

  @Test
  void givesTheTestTheCassetteItsAnnotationNames() {
    TestExecutionSummary summary = run(ReplaysFromTheAnnotatedCassette.class);

    assertThat(failures(summary)).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
  }

  @LlmCassette("portfolio-brutalist")
  @EnabledIf("dev.trinity.test.LlmCassetteExtensionTest#launched")
  static class SwallowsAMiss {
    @Test
    void fallsBackQuietly(Cassette cassette) {
      try {
        cassette.wrap(FakeProvider.echo()).generate(LIN).join();
      } catch (CompletionException e) {
        // the code under test falls back to an offline answer and hides the miss
      }
    }
  }

  @Test
  void failsATestThatHadAMissEvenWhenTheCodeUnderTestCaughtIt() {
    TestExecutionSummary summary = run(SwallowsAMiss.class);

    assertThat(failures(summary))
        .singleElement()
        .asString()
        .startsWith("1 replay miss(es) in this test; the first:\nno recording in cassette")
        .contains(
            "nearest recorded key", "-       \"content\": \"Ada\"", "+       \"content\": \"Lin\"");
  }

  @Test
  void recordsWhenThePropertySaysSo() {
    System.setProperty(CassetteMode.PROPERTY, "record_new");
    TestExecutionSummary summary = run(SwallowsAMiss.class);

    assertThat(failures(summary)).isEmpty();
    assertThat(Cassette.open(root, "portfolio-brutalist", CassetteMode.REPLAY).keys()).hasSize(2);
  }

  @Test
  void anUnknownModeFailsTheTestNamingTheProperty() {
    System.setProperty(CassetteMode.PROPERTY, "rewind");
    TestExecutionSummary summary = run(SwallowsAMiss.class);

    assertThat(failures(summary))
        .singleElement()
        .asString()
        .contains("trinity.cassettes must be record, replay or record_new, was 'rewind'");
  }

  @LlmCassette("portfolio-brutalist")
  @EnabledIf("dev.trinity.test.LlmCassetteExtensionTest#launched")
  @org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
  @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
  static class SharesOneCassetteAcrossTests {
    final Cassette cassette;

    SharesOneCassetteAcrossTests(Cassette cassette) {
      this.cassette = cassette;
    }

    @Test
    void a_missesQuietly() {
      try {
        cassette.wrap(FakeProvider.echo()).generate(LIN).join();
      } catch (CompletionException e) {
        // hidden by the code under test
      }
    }

    @Test
    void b_replaysCleanly() {
      assertThat(cassette.wrap(FakeProvider.unreachable()).generate(ADA).join().text())
          .isEqualTo("echo: Ada");
    }
  }

  @Test
  void aCassetteSharedByTheClassBlamesOnlyTheTestThatMissed() {
    TestExecutionSummary summary = run(SharesOneCassetteAcrossTests.class);

    assertThat(summary.getFailures())
        .singleElement()
        .satisfies(
            f -> assertThat(f.getTestIdentifier().getDisplayName()).isEqualTo("a_missesQuietly()"));
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
  }

  @ExtendWith(LlmCassetteExtension.class)
  @EnabledIf("dev.trinity.test.LlmCassetteExtensionTest#launched")
  static class NoAnnotation {
    @Test
    void wantsACassette(Cassette cassette) {}
  }

  @Test
  void aCassetteParameterWithoutTheAnnotationIsRefused() {
    assertThat(failures(run(NoAnnotation.class)))
        .singleElement()
        .asString()
        .contains("a Cassette parameter needs @LlmCassette on the test method or class");
  }
}
