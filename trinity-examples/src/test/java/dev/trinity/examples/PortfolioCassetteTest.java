package dev.trinity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.LlmResponse;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.ContentSource;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.Project;
import dev.trinity.cache.CacheConfig;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.content.ContentEngines;
import dev.trinity.test.Cassette;
import dev.trinity.test.LlmCassette;
import org.junit.jupiter.api.Test;

/**
 * Testing code that calls a model, without the model: {@code @LlmCassette} hands each test a
 * cassette, and Trinity's Ollama provider is wrapped so that its answers come from {@code
 * src/test/resources/cassettes/portfolio-brutalist/}. CI replays them, no server needed.
 *
 * <p>To record again, against Ollama (or a stand-in) at {@code trinity.example.ollama}:
 *
 * <pre>
 * ./mvnw -B -pl trinity-examples -am test -Dtest=PortfolioCassetteTest \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dtrinity.cassettes=record \
 *   -Dtrinity.example.ollama=http://localhost:11434
 * </pre>
 */
@LlmCassette("portfolio-brutalist")
class PortfolioCassetteTest {
  /** Where recording sends the calls; replay never connects. */
  static final String OLLAMA =
      System.getProperty("trinity.example.ollama", "http://localhost:11434");

  static Trinity trinity(Cassette cassette) {
    return Trinity.builder()
        .llm(
            LlmConfig.builder()
                .provider("ollama")
                .baseUrl(OLLAMA)
                .model("llama3.2:3b")
                .temperature(0.2)
                .build())
        // a cached answer would hide what the cassette does; hosts may keep their cache
        .cache(CacheConfig.builder().enabled(false).build())
        .registerProvider(cassette.wrap("ollama"))
        .build();
  }

  @Test
  void writesABrutalistSiteForAda(Cassette cassette) {
    try (Trinity trinity = trinity(cassette)) {
      GeneratedContent site =
          ContentEngines.create(trinity)
              .generate(ContentRequest.ofText(Samples.read("ada-kowalska.md"), "brutalist"));

      assertThat(site.source()).isEqualTo(ContentSource.LLM);
      assertThat(site.provider()).isEqualTo("ollama");
      // the brutalist theme shouts
      assertThat(site.content().brandName()).isEqualTo("ADA KOWALSKA");
      assertThat(site.content().repos())
          .extracting(Project::name)
          .containsExactly("PGWATCH-LITE", "KUBE-JANITOR-RS", "SLOWLOG-EXPLAIN");
    }
  }

  @Test
  void writesAOneLineBio(Cassette cassette) {
    try (Trinity trinity = trinity(cassette)) {
      LlmResponse bio =
          trinity
              .llm()
              .generate("Write a one-line bio for Ada Kowalska, an observability engineer");

      assertThat(bio.text()).startsWith("Ada Kowalska builds").endsWith(".");
      assertThat(bio.text().lines()).hasSize(1);
    }
  }
}
