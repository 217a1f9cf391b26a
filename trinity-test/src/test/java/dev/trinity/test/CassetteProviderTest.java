package dev.trinity.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.ConnectionException;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ProviderContext;
import dev.trinity.api.ProviderException;
import dev.trinity.api.Secret;
import dev.trinity.api.Usage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassetteProviderTest {
  @TempDir Path root;

  static LlmRequest bio(String who) {
    return LlmRequest.builder()
        .systemPrompt("You write portfolio sites.")
        .prompt("Write a one-line bio for " + who)
        .model("llama3.2")
        .temperature(0.2)
        .build();
  }

  static LlmResponse answer(CassetteProvider p, LlmRequest r) {
    return p.generate(r).join();
  }

  static Throwable failure(CompletableFuture<?> f) {
    try {
      f.join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure");
  }

  List<Path> files(String name) throws Exception {
    try (Stream<Path> s = Files.list(root.resolve(name))) {
      return s.sorted().toList();
    }
  }

  @Test
  void recordsOneReadableFilePerRequestKey() throws Exception {
    FakeProvider real = FakeProvider.echo();
    CassetteProvider p = Cassette.open(root, "bios", CassetteMode.RECORD).wrap(real);

    LlmResponse ada = answer(p, bio("Ada"));
    answer(p, bio("Lin"));

    assertThat(ada.text()).isEqualTo("echo: Write a one-line bio for Ada");
    assertThat(real.calls).hasValue(2);
    String key = p.keyOf(bio("Ada"));
    assertThat(files("bios"))
        .extracting(f -> f.getFileName().toString())
        .containsExactlyInAnyOrder(key + ".json", p.keyOf(bio("Lin")) + ".json");
    assertThat(Files.readString(root.resolve("bios").resolve(key + ".json")))
        .isEqualTo(
            "{\n"
                + "  \"key\": \""
                + key
                + "\",\n"
                + "  \"key_version\": \"v1\",\n"
                + "  \"request\": {\n"
                + "    \"provider\": \"fake\",\n"
                + "    \"model\": \"llama3.2\",\n"
                + "    \"temperature\": 0.2,\n"
                + "    \"response_format\": {\n"
                + "      \"kind\": \"text\"\n"
                + "    },\n"
                + "    \"system_prompt\": \"You write portfolio sites.\",\n"
                + "    \"messages\": [\n"
                + "      {\n"
                + "        \"role\": \"user\",\n"
                + "        \"content\": \"Write a one-line bio for Ada\"\n"
                + "      }\n"
                + "    ]\n"
                + "  },\n"
                + "  \"response\": {\n"
                + "    \"status\": \"ok\",\n"
                + "    \"provider\": \"fake\",\n"
                + "    \"model\": \"llama3.2\",\n"
                + "    \"finish_reason\": \"stop\",\n"
                + "    \"usage\": {\n"
                + "      \"prompt_tokens\": 7,\n"
                + "      \"completion_tokens\": 3\n"
                + "    },\n"
                + "    \"text\": \"echo: Write a one-line bio for Ada\"\n"
                + "  }\n"
                + "}\n");
  }

  @Test
  void replaysFromTheFilesInAnyOrderWithoutCallingTheProvider() {
    CassetteProvider recorder =
        Cassette.open(root, "bios", CassetteMode.RECORD).wrap(FakeProvider.echo());
    answer(recorder, bio("Ada"));
    answer(recorder, bio("Lin"));

    FakeProvider real = FakeProvider.unreachable();
    CassetteProvider p = Cassette.open(root, "bios", CassetteMode.REPLAY).wrap(real);
    LlmResponse lin = answer(p, bio("Lin").toBuilder().correlationId("other-test").build());
    LlmResponse ada = answer(p, bio("Ada"));

    assertThat(lin.text()).isEqualTo("echo: Write a one-line bio for Lin");
    assertThat(ada.text()).isEqualTo("echo: Write a one-line bio for Ada");
    assertThat(ada.usage()).isEqualTo(new Usage(7, 3));
    assertThat(ada.finishReason()).contains("stop");
    assertThat(ada.model()).isEqualTo("llama3.2");
    assertThat(ada.provider()).isEqualTo("fake");
    assertThat(ada.latency()).isEqualTo(Duration.ZERO);
    assertThat(real.calls).hasValue(0);
    assertThat(p.cassette().keys()).hasSize(2);
    assertThat(p.cassette().misses()).isEmpty();
  }

  @Test
  void aRequestWithoutAModelIsKeyedWithTheProvidersDefaultModel() {
    CassetteProvider p = Cassette.open(root, "m", CassetteMode.RECORD).wrap(FakeProvider.echo());
    answer(p, LlmRequest.of("hi"));

    CassetteProvider replay =
        Cassette.open(root, "m", CassetteMode.REPLAY).wrap(FakeProvider.unreachable());
    assertThat(answer(replay, LlmRequest.builder().prompt("hi").model("fake-model").build()).text())
        .isEqualTo("echo: hi");
  }

  @Test
  void aReplayMissNamesTheNearestKeyAndDiffsTheRequestSummaries() {
    CassetteProvider recorder =
        Cassette.open(root, "bios", CassetteMode.RECORD).wrap(FakeProvider.echo());
    answer(recorder, bio("Ada"));
    answer(recorder, LlmRequest.builder().prompt("Something else entirely").model("qwen").build());

    Cassette cassette = Cassette.open(root, "bios", CassetteMode.REPLAY);
    CassetteProvider p = cassette.wrap(FakeProvider.unreachable());
    LlmRequest changed = bio("Ada").toBuilder().temperature(0.7).build();
    Throwable t = failure(p.generate(changed));

    assertThat(t).isInstanceOf(CassetteMissException.class);
    CassetteMissException miss = (CassetteMissException) t;
    assertThat(miss.key()).isEqualTo(p.keyOf(changed));
    assertThat(miss.nearestKey()).contains(p.keyOf(bio("Ada")));
    assertThat(miss.isRetryable()).isFalse();
    assertThat(miss.cassette()).isEqualTo("bios");
    assertThat(miss.diff())
        .isEqualTo(
            "      \"model\": \"llama3.2\",\n"
                + "  -   \"temperature\": 0.2,\n"
                + "  +   \"temperature\": 0.7,\n"
                + "      \"response_format\": {\n");
    assertThat(miss.getMessage())
        .startsWith(
            "no recording in cassette 'bios' ("
                + root.resolve("bios")
                + ") for request key "
                + miss.key()
                + "; record it with -Dtrinity.cassettes=record_new\nnearest recorded key "
                + miss.nearestKey().orElseThrow()
                + " (2 lines differ; - recorded, + this request):\n")
        .endsWith(miss.diff());
    assertThat(cassette.misses()).containsExactly(miss);
  }

  @Test
  void aMissInALongPromptShowsWhereItDiffers() {
    String portfolio = "Ada Kowalska. ".repeat(40);
    CassetteProvider recorder =
        Cassette.open(root, "long", CassetteMode.RECORD).wrap(FakeProvider.echo());
    answer(recorder, bio(portfolio + "Rust"));

    CassetteProvider p =
        Cassette.open(root, "long", CassetteMode.REPLAY).wrap(FakeProvider.unreachable());
    CassetteMissException miss = (CassetteMissException) failure(p.generate(bio(portfolio + "Go")));

    assertThat(miss.diff()).contains("Kowalska. Rust\"", "Kowalska. Go\"").contains("…");
    assertThat(miss.diff().lines()).allSatisfy(l -> assertThat(l.length()).isLessThan(175));
  }

  @Test
  void aMissOnAnEmptyCassetteSaysItHoldsNothing() {
    Cassette cassette = Cassette.open(root, "never-recorded", CassetteMode.REPLAY);
    Throwable t = failure(cassette.wrap(FakeProvider.unreachable()).generate(bio("Ada")));

    assertThat(t)
        .isInstanceOf(CassetteMissException.class)
        .hasMessageEndingWith("\nthe cassette holds no recordings");
    assertThat(((CassetteMissException) t).nearestKey()).isEmpty();
    assertThat(Files.exists(root.resolve("never-recorded"))).isFalse();
  }

  @Test
  void recordNewReplaysWhatExistsAndRecordsWhatIsMissing() {
    answer(Cassette.open(root, "bios", CassetteMode.RECORD).wrap(FakeProvider.echo()), bio("Ada"));

    FakeProvider real = FakeProvider.echo();
    CassetteProvider p = Cassette.open(root, "bios", CassetteMode.RECORD_NEW).wrap(real);
    answer(p, bio("Ada"));
    answer(p, bio("Lin"));
    answer(p, bio("Lin"));

    assertThat(real.calls).hasValue(1);
    assertThat(Cassette.open(root, "bios", CassetteMode.REPLAY).keys())
        .containsExactlyInAnyOrder(p.keyOf(bio("Ada")), p.keyOf(bio("Lin")));
  }

  @Test
  void recordCallsTheProviderEvenWhenARecordingExistsAndReplacesIt() throws Exception {
    answer(Cassette.open(root, "bios", CassetteMode.RECORD).wrap(FakeProvider.echo()), bio("Ada"));
    FakeProvider newer =
        new FakeProvider(
            r ->
                CompletableFuture.completedFuture(
                    LlmResponse.builder()
                        .text("Ada, rewritten")
                        .model("llama3.2")
                        .provider("fake")
                        .build()));
    CassetteProvider p = Cassette.open(root, "bios", CassetteMode.RECORD).wrap(newer);

    assertThat(answer(p, bio("Ada")).text()).isEqualTo("Ada, rewritten");
    assertThat(newer.calls).hasValue(1);
    assertThat(files("bios")).hasSize(1);
    CassetteProvider replay =
        Cassette.open(root, "bios", CassetteMode.REPLAY).wrap(FakeProvider.unreachable());
    assertThat(answer(replay, bio("Ada")).text()).isEqualTo("Ada, rewritten");
  }

  @Test
  void anErrorTheServerAnsweredWithIsRecordedAndReplayedWithItsKind() {
    FakeProvider limited =
        new FakeProvider(
            r ->
                CompletableFuture.failedFuture(
                    new ProviderException(
                        "fake", 429, "rate limited", true, Duration.ofMillis(1500), null)));
    CassetteProvider recorder = Cassette.open(root, "errors", CassetteMode.RECORD).wrap(limited);
    assertThat(failure(recorder.generate(bio("Ada")))).isInstanceOf(ProviderException.class);

    CassetteProvider p =
        Cassette.open(root, "errors", CassetteMode.REPLAY).wrap(FakeProvider.unreachable());
    Throwable t = failure(p.generate(bio("Ada")));

    assertThat(t)
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("rate limited (replayed from ");
    ProviderException pe = (ProviderException) t;
    assertThat(pe.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
    assertThat(pe.statusCode()).isEqualTo(429);
    assertThat(pe.isRetryable()).isTrue();
    assertThat(pe.retryAfter()).contains(Duration.ofMillis(1500));
    assertThat(pe.provider()).isEqualTo("fake");
  }

  @Test
  void aFailureWithoutAnAnswerIsPassedOnAndNotRecorded() {
    ConnectionException refused = new ConnectionException("fake", "connection refused", null);
    FakeProvider down = new FakeProvider(r -> CompletableFuture.failedFuture(refused));
    Cassette cassette = Cassette.open(root, "down", CassetteMode.RECORD);

    assertThat(failure(cassette.wrap(down).generate(bio("Ada")))).isSameAs(refused);
    assertThat(cassette.keys()).isEmpty();
    assertThat(Files.exists(root.resolve("down"))).isFalse();
  }

  @Test
  void secretsAndAuthorizationAreNeverWritten() throws Exception {
    String apiKey = "tk-live-7f3a9c0e2b";
    FakeProvider leaky =
        new FakeProvider(
            r ->
                CompletableFuture.completedFuture(
                    LlmResponse.builder()
                        .text(
                            "I saw Authorization: Bearer eyJhbGciOi.payload.sig and key "
                                + apiKey
                                + " and sk-proj-AbC123xyz789")
                        .model("llama3.2")
                        .provider("fake")
                        .build()));
    Cassette cassette =
        Cassette.open(root, "secrets", CassetteMode.RECORD).maskSecret(Secret.of(apiKey));
    LlmRequest request =
        bio("Ada").toBuilder()
            .prompt("Use sk-abcdef1234567890 and \"api-key\": \"" + apiKey + "\" please")
            .build();

    LlmResponse live = answer(cassette.wrap(leaky), request);

    assertThat(live.text()).contains(apiKey); // the live answer is untouched
    String written = Files.readString(files("secrets").get(0));
    assertThat(written)
        .doesNotContain(apiKey, "sk-abcdef1234567890", "sk-proj-AbC123xyz789", "eyJhbGciOi")
        .contains("Authorization: ****", "\\\"api-key\\\": \\\"****\\\"", "****");
    // masking changes the file, not the key: the same request replays
    CassetteProvider replay =
        Cassette.open(root, "secrets", CassetteMode.REPLAY).wrap(FakeProvider.unreachable());
    assertThat(answer(replay, request).text())
        .doesNotContain(apiKey)
        .contains("Authorization: ****");
  }

  @Test
  void writesAtomicallyLeavingNoTemporaryFiles() throws Exception {
    CassetteProvider p = Cassette.open(root, "bios", CassetteMode.RECORD).wrap(FakeProvider.echo());
    for (int i = 0; i < 5; i++) {
      answer(p, bio("Ada"));
    }
    assertThat(files("bios"))
        .singleElement()
        .satisfies(f -> assertThat(f.toString()).endsWith(".json"));
  }

  @Test
  void aFileThatIsNotARecordingIsRefusedNamingIt() throws Exception {
    Files.createDirectories(root.resolve("broken"));
    Path bad = Files.writeString(root.resolve("broken").resolve("x.json"), "{\"key\": \"k\"}");

    assertThatThrownBy(() -> Cassette.open(root, "broken", CassetteMode.REPLAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cassette file " + bad)
        .hasMessageContaining("needs \"key\", \"request\" and \"response\"");
    Files.writeString(bad, "not json");
    assertThatThrownBy(() -> Cassette.open(root, "broken", CassetteMode.REPLAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cassette file " + bad + " is not JSON");
  }

  @Test
  void aNameThatIsNotOneDirectoryIsRefused() {
    for (String name : List.of("", "../up", "a/b", ".hidden", "with space")) {
      assertThatThrownBy(() -> Cassette.open(root, name, CassetteMode.REPLAY))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cassette name must be")
          .hasMessageContaining("'" + name + "'");
    }
  }

  @Test
  void aCassetteDoesNotClaimToStreamEvenWhenTheWrappedProviderDoes() throws Exception {
    FakeProvider real = FakeProvider.echo();
    dev.trinity.api.LlmProvider streaming =
        new dev.trinity.api.LlmProvider() {
          @Override
          public String name() {
            return real.name();
          }

          @Override
          public String endpoint() {
            return real.endpoint();
          }

          @Override
          public String defaultModel() {
            return real.defaultModel();
          }

          @Override
          public java.util.Set<dev.trinity.api.Capability> capabilities() {
            return java.util.EnumSet.of(
                dev.trinity.api.Capability.JSON_MODE, dev.trinity.api.Capability.STREAMING);
          }

          @Override
          public java.util.concurrent.CompletableFuture<dev.trinity.api.LlmResponse> generate(
              dev.trinity.api.LlmRequest request) {
            return real.generate(request);
          }
        };
    CassetteProvider p = Cassette.open(root, "x", CassetteMode.REPLAY).wrap(streaming);

    assertThat(p.capabilities()).containsExactly(dev.trinity.api.Capability.JSON_MODE);
    java.util.concurrent.CompletableFuture<Throwable> failure =
        new java.util.concurrent.CompletableFuture<>();
    p.stream(dev.trinity.api.LlmRequest.of("hi"))
        .subscribe(
            new java.util.concurrent.Flow.Subscriber<dev.trinity.api.LlmChunk>() {
              @Override
              public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                s.request(1);
              }

              @Override
              public void onNext(dev.trinity.api.LlmChunk item) {
                failure.completeExceptionally(new AssertionError("streamed " + item));
              }

              @Override
              public void onError(Throwable t) {
                failure.complete(t);
              }

              @Override
              public void onComplete() {
                failure.completeExceptionally(new AssertionError("completed"));
              }
            });
    assertThat(failure.get()).isInstanceOf(dev.trinity.api.UnsupportedCapabilityException.class);
  }

  @Test
  void theWrappedProvidersIdentityShowsAndClosingClosesIt() {
    FakeProvider real = FakeProvider.echo();
    CassetteProvider p = Cassette.open(root, "x", CassetteMode.REPLAY).wrap(real);

    assertThat(p.name()).isEqualTo("fake");
    assertThat(p.endpoint()).isEqualTo("http://fake.invalid:1");
    assertThat(p.defaultModel()).isEqualTo("fake-model");
    assertThat(p.capabilities()).isEqualTo(real.capabilities());
    assertThat(p.delegate()).isSameAs(real);
    p.close();
    assertThat(real.closed).hasValue(1);
  }

  @Test
  void aWrappedFactoryKeepsItsNameAndMasksTheConfiguredApiKey() throws Exception {
    FakeProvider real = FakeProvider.echo();
    LlmProviderFactory factory =
        new LlmProviderFactory() {
          @Override
          public String name() {
            return "fake";
          }

          @Override
          public java.util.Optional<URI> defaultBaseUrl() {
            return java.util.Optional.of(URI.create("http://fake.invalid:1"));
          }

          @Override
          public java.util.Optional<String> defaultModel() {
            return java.util.Optional.of("fake-model");
          }

          @Override
          public LlmProvider create(ProviderConfig config, ProviderContext context) {
            return new FakeProvider(
                r ->
                    CompletableFuture.completedFuture(
                        LlmResponse.builder()
                            .text("configured with " + config.apiKey().orElseThrow().reveal())
                            .model("fake-model")
                            .provider("fake")
                            .build()));
          }
        };
    Cassette cassette = Cassette.open(root, "factory", CassetteMode.RECORD);
    LlmProviderFactory wrapped = cassette.wrap(factory);
    ProviderConfig config =
        ProviderConfig.builder("fake", URI.create("http://fake.invalid:1"), "fake-model")
            .apiKey(Secret.of("opaque-key-42"))
            .build();

    LlmProvider provider = wrapped.create(config, null);

    assertThat(wrapped.name()).isEqualTo("fake");
    assertThat(wrapped.defaultBaseUrl()).contains(URI.create("http://fake.invalid:1"));
    assertThat(wrapped.defaultModel()).contains("fake-model");
    assertThat(provider).isInstanceOf(CassetteProvider.class);
    assertThat(provider.generate(bio("Ada")).join().text())
        .isEqualTo("configured with opaque-key-42");
    assertThat(Files.readString(files("factory").get(0)))
        .doesNotContain("opaque-key-42")
        .contains("configured with ****");
    real.close();
  }

  @Test
  void aProviderNameNotOnTheClassPathIsRefusedListingThoseThatAre() {
    Cassette cassette = Cassette.open(root, "x", CassetteMode.REPLAY);
    assertThatThrownBy(() -> cassette.wrap("ollama"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no provider factory named 'ollama' on the class path; found []");
  }

  @Test
  void concurrentReplayFromManyThreadsAnswersEachRequestItsOwnRecording() throws Exception {
    CassetteProvider recorder =
        Cassette.open(root, "many", CassetteMode.RECORD).wrap(FakeProvider.echo());
    for (int i = 0; i < 20; i++) {
      answer(recorder, bio("person " + i));
    }
    CassetteProvider p =
        Cassette.open(root, "many", CassetteMode.REPLAY).wrap(FakeProvider.unreachable());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(16);
    List<CompletableFuture<String>> answers =
        java.util.stream.IntStream.range(0, 400)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> answer(p, bio("person " + (i % 20))).text(), pool))
            .toList();

    for (int i = 0; i < answers.size(); i++) {
      assertThat(answers.get(i).get())
          .isEqualTo("echo: Write a one-line bio for person " + (i % 20));
    }
    pool.shutdown();
  }

  @Test
  void concurrentRecordingOfTheSameKeysLeavesOneWholeFileEach() throws Exception {
    CassetteProvider p = Cassette.open(root, "race", CassetteMode.RECORD).wrap(FakeProvider.echo());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    List<CompletableFuture<String>> answers =
        java.util.stream.IntStream.range(0, 200)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> answer(p, bio("person " + (i % 5))).text(), pool))
            .toList();
    for (int i = 0; i < answers.size(); i++) {
      assertThat(answers.get(i).get())
          .isEqualTo("echo: Write a one-line bio for person " + (i % 5));
    }
    pool.shutdown();

    assertThat(files("race")).hasSize(5).allMatch(f -> f.toString().endsWith(".json"));
    Cassette replay = Cassette.open(root, "race", CassetteMode.REPLAY);
    assertThat(replay.keys()).hasSize(5);
    assertThat(answer(replay.wrap(FakeProvider.unreachable()), bio("person 3")).text())
        .isEqualTo("echo: Write a one-line bio for person 3");
  }
}
