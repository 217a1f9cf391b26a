package dev.trinity.core.content.internal.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "jonas.weber@example.de · Berlin; e-mail address",
        "write to ada [at] example [dot] dev; e-mail address",
        "+49 30 0000 0000; phone number",
        "Mobile: 07700 900000; phone number",
        "Telefon: 0170 0000000; phone number",
        "(555) 010-4477; phone number",
        "Cellulare: +39 333 000 0000; phone number",
        "Musterstraße 12, 10115 Berlin; street address",
        "Lindenweg 4; street address",
        "Via Garibaldi 27, 40121 Bologna; street address",
        "12 rue de la République; street address",
        "C/ Mayor, 15; street address",
        "Calle Durango 214, Col. Roma Norte; street address",
        "221B Baker Street, London; street address",
        "Geboren am 14.03.1991 in Potsdam; date of birth",
        "Data di nascita: 02/07/1994; date of birth",
        "Fecha de nacimiento: 12/09/1996; date of birth",
        "Date of birth: 5 May 1989; date of birth",
        "Né le 3 mars 1990 à Lyon; date of birth"
      })
  void findsPersonalDataInFiveLanguages(String text, String kind) {
    assertThat(PersonalData.in(text, false)).isTrue();
    assertThat(PersonalData.kind(text, false)).isEqualTo(kind);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Migrated 30 services to Spring Boot 3 (04/2019 – heute)",
        "Release 1.2.3 adds 2,500 new rules",
        "Sends alerts via Slack 2x faster",
        "Parses the string 20 times per second with 1,204 stars",
        "2019 - 2023 · 4 yrs",
        "A zero-allocation HTTP router for Go. ⭐ 1.1k on GitHub.",
        "Runs on 10000 Kubernetes pods"
      })
  void leavesOrdinaryProjectTextAlone(String text) {
    assertThat(PersonalData.in(text, false)).as(PersonalData.kind(text, false)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Born 14.03.1991", "Jonas Weber 14.03.1991", "01.01.1990"})
  void inNamesAndTaglinesAnyFullDateCounts(String text) {
    assertThat(PersonalData.in(text, true)).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "Backend developer in Berlin. Reach me at jonas@example.de.; Backend developer in Berlin.",
        "Data engineer | +52 55 0000 0000 | Mexico City; Data engineer Mexico City"
      })
  void scrubbingDropsOnlyThePartsWithPersonalData(String text, String scrubbed) {
    assertThat(PersonalData.scrub(text, true)).isEqualTo(scrubbed);
  }
}
