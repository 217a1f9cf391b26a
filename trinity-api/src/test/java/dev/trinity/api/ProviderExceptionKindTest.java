package dev.trinity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.ProviderException.Kind;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderExceptionKindTest {
  @ParameterizedTest(name = "HTTP {0} is {1}")
  @CsvSource({
    "429, RATE_LIMITED",
    "503, UNAVAILABLE",
    "500, SERVER",
    "502, SERVER",
    "599, SERVER",
    "408, SERVER",
    "400, CLIENT",
    "404, CLIENT",
    "409, CLIENT",
    "302, CLIENT",
    "101, CLIENT",
    "200, MALFORMED",
    "0, OTHER"
  })
  void aStatusAloneMeansAKind(int status, Kind kind) {
    assertThat(Kind.ofStatus(status)).isEqualTo(kind);
    assertThat(new ProviderException("ollama", status, "m", false, null).kind()).isEqualTo(kind);
  }

  @Test
  void onlyServerSideFailuresCountAgainstTheEndpoint() {
    assertThat(Kind.values())
        .filteredOn(Kind::countsAgainstEndpoint)
        .containsExactlyInAnyOrder(Kind.UNAVAILABLE, Kind.SERVER, Kind.TRANSPORT, Kind.TIMEOUT);
    assertThat(Kind.values())
        .filteredOn(Kind::isOverload)
        .containsExactlyInAnyOrder(
            Kind.RATE_LIMITED, Kind.OVERLOADED, Kind.UNAVAILABLE, Kind.TIMEOUT);
  }

  @Test
  void eachSubtypeHasItsKind() {
    assertThat(new RateLimitedException("openai", "slow down", null).kind())
        .isEqualTo(Kind.RATE_LIMITED);
    assertThat(new ConnectionException("ollama", "refused", new IOException()).kind())
        .isEqualTo(Kind.TRANSPORT);
    assertThat(new MalformedResponseException("ollama", 200, "not JSON", "<html>", null).kind())
        .isEqualTo(Kind.MALFORMED);
    assertThat(new ResponseTooLargeException("ollama", 500, 1024).kind()).isEqualTo(Kind.MALFORMED);
    assertThat(new ModelNotFoundException("ollama", 404, "llama9", "not found").kind())
        .isEqualTo(Kind.CLIENT);
    assertThat(timeout(false).kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(timeout(true).kind()).isEqualTo(Kind.DEADLINE);
  }

  @Test
  void anExchangeThatUsedUpTheDeadlineIsATimeoutThatIsNotRetried() {
    RequestTimeoutException e =
        new RequestTimeoutException(
            "ollama", Kind.TIMEOUT, "did not answer", Duration.ofSeconds(1), true, null);

    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(e.isDeadlineExceeded()).isTrue();
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void aRequestTimeoutIsATimeoutOrADeadlineAndNothingElse() {
    assertThatThrownBy(
            () ->
                new RequestTimeoutException(
                    "ollama", Kind.SERVER, "m", Duration.ofSeconds(1), false, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SERVER");
    assertThatThrownBy(
            () ->
                new RequestTimeoutException(
                    "ollama", Kind.DEADLINE, "m", Duration.ofSeconds(1), false, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without the deadline passing");
  }

  @Test
  void aKindIsRequired() {
    assertThatThrownBy(() -> new ProviderException("ollama", null, 500, "m", true, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kind");
  }

  private static RequestTimeoutException timeout(boolean deadlineExceeded) {
    return new RequestTimeoutException(
        "ollama", "timed out", Duration.ofSeconds(1), deadlineExceeded, null);
  }
}
