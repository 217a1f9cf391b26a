package dev.trinity.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void redactMasksEveryOccurrenceOfEachKnownSecret() {
    String text = "password hunter22 sent; retrying with hunter22 and token t0k3n-value";

    assertThat(Redaction.redact(text, List.of("hunter22", "t0k3n-value")))
        .isEqualTo("password *** sent; retrying with *** and token ***");
  }

  @Test
  void redactMasksTheLongerOfTwoOverlappingSecretsWhole() {
    assertThat(Redaction.redact("key=abc123xyz", List.of("abc", "abc123xyz"))).isEqualTo("key=***");
  }

  @Test
  void redactIgnoresNullEmptyAndBlankSecrets() {
    assertThat(Redaction.redact("a b c", Arrays.asList(null, "", "  "))).isEqualTo("a b c");
  }

  @Test
  void redactAlsoScrubsWhatLooksLikeASecret() {
    assertThat(Redaction.redact("Authorization: Bearer abc.def.ghi", List.of()))
        .isEqualTo("Authorization: Bearer ***");
  }

  @Test
  void scrubMasksBearerTokensInAnyCase() {
    assertThat(Redaction.scrub("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig-_+/= rest"))
        .isEqualTo("Authorization: Bearer *** rest");
    assertThat(Redaction.scrub("{\"authorization\":\"bearer abc123\"}"))
        .isEqualTo("{\"authorization\":\"bearer ***\"}");
  }

  @Test
  void scrubMasksSkStyleApiKeys() {
    assertThat(Redaction.scrub("key sk-proj-AbCdEf0123456789_xyz used"))
        .isEqualTo("key sk-*** used");
    assertThat(Redaction.scrub("api_key=sk-ant-api03-abcdefghijklmnop"))
        .isEqualTo("api_key=sk-***");
  }

  @Test
  void scrubLeavesShortOrEmbeddedSkWordsAlone() {
    assertThat(Redaction.scrub("uses sk-learn and task-manager-0123456789abcdef"))
        .isEqualTo("uses sk-learn and task-manager-0123456789abcdef");
  }

  @Test
  void scrubMasksThePasswordOfARedisUriAndKeepsTheUser() {
    assertThat(Redaction.scrub("connecting to redis://trinity:s3cr3t@cache:6379/0"))
        .isEqualTo("connecting to redis://trinity:***@cache:6379/0");
    assertThat(Redaction.scrub("rediss://:s3cr3t@cache:6380"))
        .isEqualTo("rediss://:***@cache:6380");
  }

  @Test
  void scrubMasksAPasswordContainingAnAtSignWhole() {
    assertThat(Redaction.scrub("redis://user:p@ss@cache/0")).isEqualTo("redis://user:***@cache/0");
  }

  @Test
  void scrubMasksARedisPasswordGivenWithoutAUser() {
    assertThat(Redaction.scrub("redis://s3cr3t@cache:6379")).isEqualTo("redis://***@cache:6379");
  }

  @Test
  void scrubMasksPasswordsInUrisOfOtherSchemes() {
    assertThat(Redaction.scrub("proxy http://bob:pw@proxy:3128 set"))
        .isEqualTo("proxy http://bob:***@proxy:3128 set");
  }

  @Test
  void scrubLeavesUrisWithoutCredentialsAlone() {
    String text = "redis://cache:6379/0 and http://localhost:11434/api/generate and mail a@b.c";

    assertThat(Redaction.scrub(text)).isSameAs(text);
  }

  @Test
  void scrubMasksSeveralSecretsInOneText() {
    assertThat(
            Redaction.scrub(
                "Bearer tok1 then sk-0123456789abcdef0123 then redis://u:pw@h and Bearer tok2"))
        .isEqualTo("Bearer *** then sk-*** then redis://u:***@h and Bearer ***");
  }
}
