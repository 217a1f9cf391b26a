package dev.trinity.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /** Every portfolio in every theme, portfolio by portfolio; equal file names get -2, -3, …. */
  static List<BuildItem> cross(List<Path> portfolios, List<String> themes) {
    Map<String, Integer> seen = new HashMap<>();
    List<BuildItem> items = new ArrayList<>();
    for (Path p : portfolios) {
      String base = p.getFileName().toString().replaceFirst("\\.[^.]+$", "");
      int n = seen.merge(base, 1, Integer::sum);
      String name = n == 1 ? base : base + "-" + n;
      for (String theme : themes) {
        items.add(new BuildItem(p, name, theme));
      }
    }
    return items;
  }
}
