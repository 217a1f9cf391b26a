package dev.trinity.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One portfolio in one theme, and the directory its output goes to: {@code OUT/<name>/<theme>/}.
 *
 * @param portfolio the portfolio file
 * @param name the portfolio's name in the output: its file name without extension, made unique
 * @param theme the theme's name
 */
record BuildItem(Path portfolio, String name, String theme) {

  Path directory(Path out) {
    return out.resolve(name).resolve(theme);
  }

  /**
   * Every portfolio in every theme, portfolio by portfolio; a name already taken gets the first
   * free suffix of -2, -3, …, so no two portfolios share an output directory.
   */
  static List<BuildItem> cross(List<Path> portfolios, List<String> themes) {
    Set<String> taken = new HashSet<>();
    List<BuildItem> items = new ArrayList<>();
    for (Path p : portfolios) {
      String base = p.getFileName().toString().replaceFirst("\\.[^.]+$", "");
      String name = base;
      for (int n = 2; !taken.add(name); n++) {
        name = base + "-" + n;
      }
      for (String theme : themes) {
        items.add(new BuildItem(p, name, theme));
      }
    }
    return items;
  }
}
