package dev.trinity.logging.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DocCheckTest {
  private static final Vocabulary VOCABULARY =
      new Vocabulary(
          Map.of(
              "CACHE_TIER_UNAVAILABLE", "cache_tier_unavailable", "LLM_RESPONSE", "llm_response"),
          Map.of("CACHE_TIER", "cache_tier", "ERROR", "error", "ANSWER", "answer"));

  private static final DocCheck CHECK =
      new DocCheck(
          VOCABULARY,
          List.of(
              new SourceScan.Logged("cache_tier_unavailable", Set.of("cache_tier"), "a.java:3"),
              new SourceScan.Logged("cache_tier_unavailable", Set.of("error"), "b.java:9"),
              new SourceScan.Logged("llm_response", Set.of("answer"), "c.java:5")));

  private static final String DOC =
      """
      # Logging

      ## Events

      | event | level | keys |
      |---|---|---|
      | `cache_tier_unavailable` | WARN | `cache_tier` (`memory` or `redis`), `error` |
      | `llm_response` | DEBUG | `answer` |

      Text after the table, with `tier` in backticks.

      ## Keys

      | key | meaning |
      |---|---|
      | `cache_tier`, `error` | a tier's name (`memory`, `redis`), a message |
      | `answer` | the raw answer |
      """;

  @Test
  void aDocumentThatMatchesTheCodeHasNoProblems() {
    assertThat(CHECK.events("doc.md", DocTable.under(DOC, "Events"), 2, true)).isEmpty();
    assertThat(CHECK.keys("doc.md", DocTable.under(DOC, "Keys"))).isEmpty();
  }

  @Test
  void onlyTheKeysOfEveryStatementThatLogsAnEventTogetherMatch() {
    String doc = DOC.replace("`cache_tier` (`memory` or `redis`), `error`", "`cache_tier`");

    assertThat(CHECK.events("doc.md", DocTable.under(doc, "Events"), 2, true))
        .containsExactly(
            "doc.md:7: `cache_tier_unavailable` is documented with keys [cache_tier] but logged"
                + " with [cache_tier, error] (at a.java:3, b.java:9)");
  }

  @Test
  void namesThatAreNotInTheVocabularyAreReportedWithTheirLine() {
    String doc =
        DOC.replace("`cache_tier` (`memory` or `redis`), `error`", "`tier`, `error`")
            .replace("| `llm_response` |", "| `llm_reply` |");

    assertThat(CHECK.events("doc.md", DocTable.under(doc, "Events"), 2, true))
        .containsExactly(
            "doc.md:7: `tier` is not a key of LogEvents.Keys",
            "doc.md:7: `cache_tier_unavailable` is documented with keys [error, tier] but logged"
                + " with [cache_tier, error] (at a.java:3, b.java:9)",
            "doc.md:8: `llm_reply` is not an event of LogEvents",
            "doc.md: LogEvents.LLM_RESPONSE (`llm_response`) is documented nowhere");
  }

  @Test
  void aPartialTableMayLeaveEventsOutButNotGetThemWrong() {
    String doc = DOC.replace("| `llm_response` | DEBUG | `answer` |\n", "");

    assertThat(CHECK.events("doc.md", DocTable.under(doc, "Events"), 2, false)).isEmpty();
    assertThat(CHECK.events("doc.md", DocTable.under(doc, "Events"), 2, true))
        .containsExactly("doc.md: LogEvents.LLM_RESPONSE (`llm_response`) is documented nowhere");
  }

  @Test
  void theKeyTableMustNameEveryKeyOnce() {
    String doc =
        DOC.replace(
            "| `answer` | the raw answer |", "| `cache_tier` | again |\n| `text` | the raw |");

    assertThat(CHECK.keys("doc.md", DocTable.under(doc, "Keys")))
        .containsExactly(
            "doc.md:17: `cache_tier` is documented twice",
            "doc.md:18: `text` is not a key of LogEvents.Keys",
            "doc.md: LogEvents.Keys.ANSWER (`answer`) is documented nowhere");
  }

  @Test
  void anEventLoggedNowhereCannotBeDocumentedAsLogged() {
    DocCheck nothingLogged = new DocCheck(VOCABULARY, List.of());

    assertThat(nothingLogged.events("doc.md", DocTable.under(DOC, "Events"), 2, false))
        .containsExactly(
            "doc.md:7: `cache_tier_unavailable` is logged nowhere in the main sources",
            "doc.md:8: `llm_response` is logged nowhere in the main sources");
  }

  @Test
  void aMissingHeadingOrTableIsAnErrorNotAnEmptyTable() {
    assertThatThrownBy(() -> DocTable.under(DOC, "Levels"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no heading \"Levels\"");
    assertThatThrownBy(() -> DocTable.under("## Events\n\nNo table yet.\n\n## Keys\n", "Events"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no table under the heading \"Events\"");
  }
}
