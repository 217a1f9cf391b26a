package dev.trinity.cli.internal;

import dev.trinity.api.content.Theme;
import dev.trinity.cli.TrinityCli;
import dev.trinity.core.content.ContentEngines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code trinity themes}: each theme and its voice, one line each. */
@Command(
    name = "themes",
    mixinStandardHelpOptions = true,
    description = "Lists the themes, each with the first sentence of its voice.")
final class ThemesCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Option(
      names = "--file",
      paramLabel = "FILE",
      description = "Also list the themes of a YAML file shaped like the bundled themes.yaml.")
  @Nullable Path file;

  @Override
  public Integer call() {
    Map<String, Theme> themes = new LinkedHashMap<>();
    ContentEngines.builtInThemes().forEach(t -> themes.put(t.name(), t));
    if (file != null) {
      ContentEngines.loadThemes(file).forEach(t -> themes.put(t.name(), t));
    }
    List<List<String>> rows = new ArrayList<>();
    for (Theme t : themes.values()) {
      rows.add(List.of(t.name(), oneLine(t.voice())));
    }
    root.environment().out().print(TextTable.render(List.of("THEME", "VOICE"), rows));
    return TrinityCli.OK;
  }

  /** The voice's first sentence, on one line. */
  private static String oneLine(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    int end = flat.indexOf(". ");
    return end < 0 ? flat : flat.substring(0, end + 1);
  }
}
