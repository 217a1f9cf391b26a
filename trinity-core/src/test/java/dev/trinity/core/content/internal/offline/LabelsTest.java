package dev.trinity.core.content.internal.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.core.content.internal.offline.Labels.Field;
import dev.trinity.core.content.internal.offline.Labels.Section;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelsTest {

  @ParameterizedTest
  @CsvSource({
    "Language, LANGUAGE",
    "Sprache, LANGUAGE",
    "Linguaggio, LANGUAGE",
    "Langage, LANGUAGE",
    "Lenguaje, LANGUAGE",
    "Stars, STARS",
    "Sterne, STARS",
    "Stelle, STARS",
    "Étoiles, STARS",
    "Estrellas, STARS",
    "★, STARS",
    "Link, LINK",
    "Quellcode, LINK",
    "Collegamento, LINK",
    "Lien, LINK",
    "Enlace, LINK",
    "Tags, TAGS",
    "Schlagworte, TAGS"
  })
  void readsFieldLabelsInFiveLanguages(String label, Field field) {
    assertThat(Labels.field(label)).isEqualTo(field);
  }

  @ParameterizedTest
  @CsvSource({
    "Projects, PROJECTS",
    "🚀 Side projects, PROJECTS",
    "Projekte, PROJECTS",
    "Progetti personali, PROJECTS",
    "Projets, PROJECTS",
    "Proyectos, PROJECTS",
    "Open source, PROJECTS",
    "Stuff I maintain, PROJECTS",
    "Experience, OTHER",
    "Berufserfahrung, OTHER",
    "Esperienza lavorativa, OTHER",
    "Expérience, OTHER",
    "Experiencia, OTHER",
    "Talks, OTHER",
    "Ausbildung, OTHER",
    "Kenntnisse, OTHER",
    "Smaller things, NONE"
  })
  void knowsSectionsInFiveLanguages(String heading, Section section) {
    assertThat(Labels.section(heading)).isEqualTo(section);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Lebenslauf",
        "Curriculum Vitae",
        "CURRÍCULUM VITAE",
        "Résumé",
        "Portfolio",
        "About me",
        "Über mich",
        "Chi sono",
        "À propos",
        "Sobre mí",
        "Tabellarischer Lebenslauf"
      })
  void documentTitlesAreNotNames(String title) {
    assertThat(Labels.isDocumentTitle(title)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Jonas Weber", "Lena", "sam.codes", "Priya Nair"})
  void namesAreNotDocumentTitles(String name) {
    assertThat(Labels.isDocumentTitle(name)).isFalse();
  }
}
