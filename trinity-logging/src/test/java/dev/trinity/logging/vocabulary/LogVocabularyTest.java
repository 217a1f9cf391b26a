package dev.trinity.logging.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One logging vocabulary across the project: every event and key the main sources of every module
 * log is a {@code LogEvents} constant, each constant is used, and the documents list exactly the
 * events, and the keys of each event, that the code logs.
 */
class LogVocabularyTest {
  private static final Vocabulary VOCABULARY = Vocabulary.ofLogEvents();
  private static final Pattern XML_KEY = Pattern.compile("<key>\\s*([^<\\s]+)\\s*</key>");

  private static Path root;
  private static SourceScan scan;
  private static DocCheck docs;

  @BeforeAll
  static void scanEveryModulesMainSources() throws IOException {
    root = projectRoot();
    scan = new SourceScan(VOCABULARY);
    List<String> modules = new ArrayList<>();
    for (Path main : mainSourceRoots()) {
      modules.add(root.relativize(main).getName(0).toString());
      try (Stream<Path> files = Files.walk(main)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          scan.scan(root.relativize(file).toString(), Files.readString(file));
        }
      }
    }
    // a scan that found no modules would pass every check below
    assertThat(modules)
        .contains("trinity-logging", "trinity-cache", "trinity-core", "trinity-site");
    assertThat(scan.logged()).hasSizeGreaterThan(10);
    docs = new DocCheck(VOCABULARY, scan.logged());
  }

  @Test
  void everyEventAndKeyTheMainSourcesLogIsALogEventsConstant() {
    assertNone(scan.findings().stream().map(SourceScan.Finding::toString).toList());
  }

  @Test
  void everyEventIsLoggedAndEveryKeyIsUsed() {
    List<String> unused = new ArrayList<>();
    VOCABULARY
        .events()
        .forEach(
            (constant, event) -> {
              if (!docs.keysLogged().containsKey(event)) {
                unused.add("LogEvents." + constant + " (`" + event + "`) is logged nowhere");
              }
            });
    VOCABULARY
        .keys()
        .forEach(
            (constant, key) -> {
              if (!scan.usedKeys().contains(key)) {
                unused.add("LogEvents.Keys." + constant + " (`" + key + "`) is used nowhere");
              }
            });
    assertNone(unused);
  }

  @Test
  void logbackConfigurationsNameOnlyKnownKeys() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path main : mainSourceRoots()) {
      Path resources = main.resolveSibling("resources");
      if (!Files.isDirectory(resources)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(resources)) {
        for (Path xml : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
          String text = Files.readString(xml);
          Matcher m = XML_KEY.matcher(text);
          while (m.find()) {
            if (VOCABULARY.keyConstant(m.group(1)) == null) {
              int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
              problems.add(
                  root.relativize(xml)
                      + ":"
                      + (line + 1)
                      + ": <key>"
                      + m.group(1)
                      + "</key> is not a key of LogEvents.Keys");
            }
          }
        }
      }
    }
    assertNone(problems);
  }

  @Test
  void docsLoggingListsEveryEventWithExactlyTheKeysItIsLoggedWith() {
    String doc = "docs/logging.md";
    List<String> problems = new ArrayList<>();
    problems.addAll(docs.events(doc, DocTable.under(read(doc), "Events"), 2, true));
    problems.addAll(docs.keys(doc, DocTable.under(read(doc), "Keys")));
    assertNone(problems);
  }

  @Test
  void theLoggingModuleReadmeListsTheSameEventsAndKeys() {
    String doc = "trinity-logging/README.md";
    List<String> problems = new ArrayList<>();
    problems.addAll(docs.events(doc, DocTable.under(read(doc), "Events"), 2, true));
    problems.addAll(docs.keys(doc, DocTable.under(read(doc), "Keys")));
    assertNone(problems);
  }

  @Test
  void theContentGuideListsItsEventsWithExactlyTheKeysTheyAreLoggedWith() {
    String doc = "docs/content.md";
    assertNone(docs.events(doc, DocTable.under(read(doc), "Log events"), 2, false));
  }

  private static void assertNone(List<String> problems) {
    assertThat(problems)
        .withFailMessage(
            () ->
                problems.size()
                    + " place(s) where logging leaves the LogEvents vocabulary:\n"
                    + String.join("\n", problems))
        .isEmpty();
  }

  private static String read(String relative) {
    try {
      return Files.readString(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> mainSourceRoots() throws IOException {
    try (Stream<Path> children = Files.list(root)) {
      return children
          .map(module -> module.resolve("src/main/java"))
          .filter(Files::isDirectory)
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** The directory of the project's root pom: the first ancestor holding trinity-logging. */
  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml"))
          && Files.isDirectory(p.resolve("trinity-logging/src/main/java"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no project root (a directory with pom.xml and trinity-logging/) above " + dir);
  }
}
