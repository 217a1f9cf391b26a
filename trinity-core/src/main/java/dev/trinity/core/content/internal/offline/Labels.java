package dev.trinity.core.content.internal.offline;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The words portfolios label things with, in English, German, Italian, French and Spanish: field
 * labels ({@code Language:}, {@code Sprache:}, {@code Stelle:}, …), section titles (projects,
 * experience, education, …) and document titles that are not anybody's name ({@code Lebenslauf},
 * {@code Curriculum Vitae}, …). Matching ignores case and accents.
 */
final class Labels {
  /** The fields a project line can carry. */
  enum Field {
    LANGUAGE,
    STARS,
    LINK,
    TAGS,
    DESCRIPTION
  }

  /** What a section holds. */
  enum Section {
    PROJECTS,
    OTHER,
    NONE
  }

  static final List<String> LANGUAGE =
      List.of(
          "language",
          "languages",
          "lang",
          "stack",
          "tech",
          "tech stack",
          "built with",
          "sprache",
          "programmiersprache",
          "technologie",
          "linguaggio",
          "lingua",
          "tecnologia",
          "langage",
          "lenguaje",
          "tecnologias");
  static final List<String> STARS =
      List.of(
          "stars",
          "star",
          "stargazers",
          "github stars",
          "sterne",
          "stelle",
          "stelline",
          "etoiles",
          "estrellas");
  static final List<String> LINK =
      List.of(
          "url",
          "link",
          "links",
          "repo",
          "repository",
          "source",
          "source code",
          "code",
          "github",
          "gitlab",
          "homepage",
          "website",
          "web",
          "demo",
          "quellcode",
          "quelle",
          "webseite",
          "collegamento",
          "sorgente",
          "codice",
          "sito",
          "lien",
          "depot",
          "site",
          "enlace",
          "repositorio",
          "codigo",
          "sitio");
  static final List<String> TAGS =
      List.of(
          "tags",
          "topics",
          "keywords",
          "schlagworte",
          "stichworte",
          "themen",
          "etichette",
          "argomenti",
          "mots-cles",
          "mots cles",
          "etiquettes",
          "etiquetas",
          "temas");
  static final List<String> DESCRIPTION =
      List.of(
          "description",
          "about",
          "summary",
          "beschreibung",
          "descrizione",
          "descripcion",
          "what",
          "was",
          "cosa");

  private static final List<String> PROJECT_SECTIONS =
      List.of(
          "project",
          "projekt",
          "progett",
          "projet",
          "proyect",
          "open source",
          "open-source",
          "opensource",
          "repositor",
          "repos",
          "side work",
          "nebenprojekt",
          "my work",
          "lavori",
          "travaux",
          "portfolio items",
          "things i built",
          "things i've built",
          "what i build",
          "what i've built",
          "what i'm building",
          "maintain",
          "showcase",
          "pinned",
          "creations",
          "creazioni",
          "realisations",
          "proyectos personales");
  private static final Set<String> PROJECT_SECTION_WORDS = Set.of("code", "software");
  private static final List<String> OTHER_SECTIONS =
      List.of(
          // experience
          "experience",
          "employment",
          "work history",
          "career",
          "berufserfahrung",
          "erfahrung",
          "werdegang",
          "beruflich",
          "taetigkeit",
          "tatigkeit",
          "esperienz",
          "lavorativ",
          "experiencia",
          "trayectoria",
          "parcours",
          "emploi",
          // education
          "education",
          "ausbildung",
          "studium",
          "bildung",
          "istruzione",
          "formazione",
          "studi",
          "formation",
          "etudes",
          "educacion",
          "formacion",
          "estudios",
          // skills
          "skill",
          "kenntnisse",
          "faehigkeit",
          "fahigkeit",
          "kompetenz",
          "competenz",
          "competenc",
          "conoscenz",
          "habilidad",
          "conocimiento",
          "aptitud",
          "top skills",
          // contact and personal details
          "contact",
          "kontakt",
          "contatt",
          "contacto",
          "persoenlich",
          "personlich",
          "dati personali",
          "donnees personnelles",
          "datos personales",
          "personal",
          // about
          "about",
          "summary",
          "profile",
          "bio",
          "background",
          "ueber mich",
          "uber mich",
          "zusammenfassung",
          "chi sono",
          "sommario",
          "profilo",
          "a propos",
          "resume du profil",
          "sobre mi",
          "perfil",
          "resumen",
          "info",
          // other
          "talk",
          "writing",
          "publication",
          "publikation",
          "pubblicazion",
          "certification",
          "zertifi",
          "certificazion",
          "certificat",
          "certificacion",
          "licenses",
          "award",
          "auszeichnung",
          "premi",
          "prix",
          "interest",
          "hobb",
          "interess",
          "interet",
          "interes",
          "volunteer",
          "ehrenamt",
          "volontariato",
          "benevolat",
          "voluntariado",
          "reference",
          "referenz",
          "referenze",
          "referencia",
          "links",
          "languages",
          "sprachen",
          "lingue",
          "langues",
          "idiomas",
          "stack",
          "tools",
          "now",
          "honors",
          "recommendation",
          "github stats",
          "stats",
          "statistik",
          "connect",
          "reach me",
          "support",
          "sponsor");
  private static final Set<String> DOCUMENT_TITLES =
      Set.of(
          "lebenslauf",
          "tabellarischer lebenslauf",
          "curriculum vitae",
          "curriculum",
          "cv",
          "resume",
          "my resume",
          "portfolio",
          "my portfolio",
          "mein portfolio",
          "il mio portfolio",
          "mon portfolio",
          "mi portafolio",
          "portafolio",
          "about me",
          "about",
          "ueber mich",
          "uber mich",
          "chi sono",
          "a propos",
          "a propos de moi",
          "sobre mi",
          "curriculum vitae et studiorum",
          "hoja de vida",
          "profil",
          "profile",
          "profilo",
          "perfil",
          "bewerbung",
          "readme",
          "home",
          "welcome",
          "willkommen",
          "benvenuti",
          "bienvenue",
          "bienvenido",
          "bienvenidos",
          "contact",
          "kontakt",
          "linkedin",
          "github",
          "projects",
          "projekte");

  private static final Set<String> NOT_PROJECTS =
      Set.of(
          "fun fact",
          "fun facts",
          "email",
          "e-mail",
          "mail",
          "phone",
          "tel",
          "telefon",
          "telefono",
          "location",
          "address",
          "adresse",
          "anschrift",
          "wohnort",
          "indirizzo",
          "direccion",
          "residenza",
          "domicile",
          "twitter",
          "linkedin",
          "x",
          "mastodon",
          "bluesky",
          "blog",
          "pronouns",
          "ask me about",
          "currently",
          "reach me",
          "how to reach me",
          "contact me",
          "name",
          "nome",
          "nom",
          "nombre",
          "vorname",
          "nachname",
          "geburtsdatum",
          "born",
          "date of birth",
          "nationality",
          "staatsangehoerigkeit",
          "nazionalita",
          "nationalite",
          "nacionalidad",
          "status",
          "note",
          "notes",
          "hinweis",
          "tip",
          "todo",
          "present",
          "heute",
          "oggi",
          "aujourd'hui",
          "actualidad",
          "presente");
  private static final Pattern NOT_PROJECT_START =
      Pattern.compile(
          "^(?:i|i'm|im|i am|ich|io|je|yo|my|mein|meine|mio|mia|mon|ma|mi|we|wir|currently|"
              + "derzeit|attualmente|actuellement|actualmente|how|wie|come|comment|como)\\b.*"
              + "|^\\d{1,2}[./]?\\d{0,2}[./]?(?:19|20)\\d{2}.*|^(?:19|20)\\d{2}\\b.*");

  private static final Pattern SELF_INTRODUCTION =
      Pattern.compile("\\b(?:i'm|i am|ich bin|mi chiamo|je suis|je m'appelle|me llamo|soy)\\b");

  private Labels() {}

  /** Whether a short label is a personal detail or a chatty line, never a project's name. */
  static boolean isNotAProject(String name) {
    String n = fold(name).replace("'", "'");
    return NOT_PROJECTS.contains(n)
        || NOT_PROJECT_START.matcher(n).matches()
        || SELF_INTRODUCTION.matcher(n).find();
  }

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_LABEL_CHARACTERS = Pattern.compile("[^\\p{L}\\p{N}'&/+#.-]+");

  /** Lower case, accents removed, ß as ss, umlauts as plain vowels, single spaces. */
  static String fold(String text) {
    String s = text.toLowerCase(Locale.ROOT).replace("ß", "ss");
    s = s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue");
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    return NOT_LABEL_CHARACTERS.matcher(s).replaceAll(" ").strip();
  }

  /** The field a label names, or null. */
  static @Nullable Field field(String label) {
    if (label.strip().matches("[★⭐☆✨🌟]+|:star:")) {
      return Field.STARS;
    }
    String l = fold(label).replaceAll("[.]+$", "");
    if (LANGUAGE.contains(l)) {
      return Field.LANGUAGE;
    }
    if (STARS.contains(l)) {
      return Field.STARS;
    }
    if (LINK.contains(l)) {
      return Field.LINK;
    }
    if (TAGS.contains(l)) {
      return Field.TAGS;
    }
    if (DESCRIPTION.contains(l)) {
      return Field.DESCRIPTION;
    }
    return null;
  }

  /** What a section heading announces. */
  static Section section(String heading) {
    String h = fold(heading);
    if (h.isEmpty() || h.length() > 40 || h.split(" ").length > 5) {
      return Section.NONE;
    }
    for (String p : PROJECT_SECTIONS) {
      if (h.contains(p)) {
        return Section.PROJECTS;
      }
    }
    if (PROJECT_SECTION_WORDS.contains(h)) {
      return Section.PROJECTS;
    }
    String padded = " " + h + " ";
    for (String other : OTHER_SECTIONS) {
      boolean found = other.length() <= 4 ? padded.contains(" " + other) : h.contains(other);
      if (found) {
        return Section.OTHER;
      }
    }
    return Section.NONE;
  }

  /** Whether the text is a document title rather than a name ("Lebenslauf", "About me"). */
  static boolean isDocumentTitle(String text) {
    String t = fold(text).replaceAll("[^\\p{L} ]", " ").replaceAll("\\s+", " ").strip();
    if (t.isEmpty()) {
      return true;
    }
    if (DOCUMENT_TITLES.contains(t)) {
      return true;
    }
    for (String title : DOCUMENT_TITLES) {
      if (title.length() >= 6 && (t.startsWith(title + " ") || t.endsWith(" " + title))) {
        String rest = t.startsWith(title) ? t.substring(title.length()) : "";
        if (rest.isBlank() || rest.strip().matches("(von|di|de|of|du|del|by)?")) {
          return true;
        }
      }
    }
    return false;
  }
}
