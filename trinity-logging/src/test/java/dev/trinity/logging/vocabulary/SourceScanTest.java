package dev.trinity.logging.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceScanTest {
  private static final Vocabulary VOCABULARY =
      new Vocabulary(
          Map.of(
              "CACHE_TIER_UNAVAILABLE", "cache_tier_unavailable", "LLM_RESPONSE", "llm_response"),
          Map.of("CACHE_TIER", "cache_tier", "ERROR", "error", "CORRELATION_ID", "correlation_id"));

  private static final String HEADER =
      """
      package dev.trinity.cache;

      import dev.trinity.logging.LogEvents;
      import dev.trinity.logging.LogEvents.Keys;
      import org.slf4j.MDC;

      class Tier {
      """;

  private static SourceScan scan(String body) {
    SourceScan scan = new SourceScan(VOCABULARY);
    scan.scan("m/Tier.java", HEADER + body + "}\n");
    return scan;
  }

  private static List<String> findings(String body) {
    return scan(body).findings().stream().map(SourceScan.Finding::toString).toList();
  }

  @Test
  void aStatementNamedWithConstantsIsReadWithItsKeys() {
    SourceScan scan =
        scan(
            """
              void down(String tier) {
                LOG.atWarn()
                    .setMessage(LogEvents.CACHE_TIER_UNAVAILABLE)
                    .addKeyValue(Keys.CACHE_TIER, tier)
                    .addKeyValue(LogEvents.Keys.ERROR, call(a, b))
                    .log();
              }
            """);

    assertThat(scan.findings()).isEmpty();
    assertThat(scan.logged())
        .containsExactly(
            new SourceScan.Logged(
                "cache_tier_unavailable", Set.of("cache_tier", "error"), "m/Tier.java:10"));
    assertThat(scan.usedKeys()).containsExactly("cache_tier", "error");
  }

  @Test
  void anEventWrittenAsALiteralIsReportedWithItsLineAndTheConstantToUse() {
    assertThat(
            findings(
                """
                  void down() {
                    LOG.atWarn().setMessage("cache_tier_unavailable").log();
                  }
                """))
        .containsExactly(
            "m/Tier.java:9: setMessage(\"cache_tier_unavailable\"): an event name written as a"
                + " string literal; use LogEvents.CACHE_TIER_UNAVAILABLE");
  }

  @Test
  void anUnknownKeyLiteralIsReportedAsMissingFromTheVocabulary() {
    assertThat(
            findings(
                """
                  void down() {
                    LOG.atWarn()
                        .setMessage(LogEvents.CACHE_TIER_UNAVAILABLE)
                        .addKeyValue("tier", "redis")
                        .log();
                  }
                """))
        .containsExactly(
            "m/Tier.java:11: addKeyValue(\"tier\", …): a key written as a string literal; add it"
                + " to LogEvents.Keys and docs/logging.md, and use the constant");
  }

  @Test
  void aConstantOfAnotherClassIsNotAcceptedEvenWithTheSameName() {
    assertThat(
            findings(
                """
                  static final String CACHE_TIER_UNAVAILABLE = "cache_tier_unavailable";
                  void down() {
                    LOG.atWarn().setMessage(CACHE_TIER_UNAVAILABLE).log();
                    LOG.atWarn().setMessage(HealthGate.CACHE_TIER_UNAVAILABLE).log();
                  }
                """))
        .containsExactly(
            "m/Tier.java:10: setMessage(CACHE_TIER_UNAVAILABLE): not a LogEvents constant; name"
                + " the event with one",
            "m/Tier.java:11: setMessage(HealthGate.CACHE_TIER_UNAVAILABLE): not a LogEvents"
                + " constant; name the event with one");
  }

  @Test
  void staticImportsAndSameFileAliasesOfTheConstantsCount() {
    SourceScan scan = new SourceScan(VOCABULARY);
    scan.scan(
        "m/Ctx.java",
        """
        package dev.trinity.logging;

        import static dev.trinity.logging.LogEvents.LLM_RESPONSE;
        import static dev.trinity.logging.LogEvents.Keys.*;

        class Ctx {
          public static final String MDC_KEY = LogEvents.Keys.CORRELATION_ID;
          void f() {
            MDC.put(MDC_KEY, "x");
            log.atDebug().setMessage(LLM_RESPONSE).addKeyValue(ERROR, "e").log();
          }
        }
        """);

    assertThat(scan.findings()).isEmpty();
    assertThat(scan.logged()).extracting(SourceScan.Logged::event).containsExactly("llm_response");
  }

  @Test
  void mdcKeysAndEventLikePlainMessagesMustBeConstantsToo() {
    assertThat(
            findings(
                """
                  void f() {
                    MDC.put("tenant", "acme");
                    log.warn("cache_tier_unavailable");
                    log.warn("cache tier {} failed", name);
                    redis.info("server");
                  }
                """))
        .containsExactly(
            "m/Tier.java:9: MDC.put(\"tenant\", …): a key written as a string literal; add it to"
                + " LogEvents.Keys and docs/logging.md, and use the constant",
            "m/Tier.java:10: log.warn(\"cache_tier_unavailable\"): an event name written as a"
                + " string literal; use LogEvents.CACHE_TIER_UNAVAILABLE");
  }

  @Test
  void commentsAndStringsThatMentionLogCallsAreNotCode() {
    assertThat(
            findings(
                """
                  // LOG.atWarn().setMessage("cache_tier_unavailable").log();
                  /* .addKeyValue("tier", x) */
                  String doc = "call .setMessage(\\"x\\") and .addKeyValue(\\"y\\", 1)";
                  String block = \"""
                      log.warn("cache_tier_unavailable");
                      \""";
                """))
        .isEmpty();
  }

  @Test
  void keyValuesOutsideTheStatementThatSetsTheEventAreReported() {
    assertThat(
            findings(
                """
                  void f(org.slf4j.spi.LoggingEventBuilder b) {
                    b.addKeyValue(Keys.ERROR, "e");
                  }
                """))
        .containsExactly(
            "m/Tier.java:9: addKeyValue(…) outside a statement that sets a LogEvents message; log"
                + " each event in one statement, from at…() to log(), so its keys can be checked");
  }

  @Test
  void aStatementEndsAtItsSemicolonSoKeysOfTheNextEventAreNotMixedIn() {
    SourceScan scan =
        scan(
            """
              void f() {
                if (x) { LOG.atInfo().setMessage(LogEvents.LLM_RESPONSE).log(); }
                LOG.atWarn().setMessage(LogEvents.CACHE_TIER_UNAVAILABLE)
                    .addKeyValue(Keys.CACHE_TIER, "redis").log();
              }
            """);

    assertThat(scan.findings()).isEmpty();
    assertThat(scan.logged())
        .extracting(SourceScan.Logged::event, SourceScan.Logged::keys)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("llm_response", Set.of()),
            org.assertj.core.groups.Tuple.tuple("cache_tier_unavailable", Set.of("cache_tier")));
  }
}
