package dev.trinity.test.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two request summaries, as a reader wants it in a failed test: changed lines with
 * one line of context, {@code -} for the recorded request and {@code +} for the one made; long
 * lines are clipped around where they differ.
 *
 * @param changedLines how many lines differ (removed plus added); 0 when equal
 * @param text the readable diff
 */
public record SummaryDiff(int changedLines, String text) {
  private static final int WIDTH = 160;

  /**
   * Diffs two texts line by line (longest common subsequence).
   *
   * @param recorded the recorded summary
   * @param requested the summary of the request made
   * @return the diff
   */
  public static SummaryDiff of(String recorded, String requested) {
    String[] a = recorded.split("\n", -1);
    String[] b = requested.split("\n", -1);
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] =
            a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String[]> ops = new ArrayList<>(); // {op, line, counterpart}
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        ops.add(new String[] {" ", a[i], a[i]});
        i++;
        j++;
      } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new String[] {"-", a[i], ""});
        i++;
      } else {
        ops.add(new String[] {"+", b[j], ""});
        j++;
      }
    }
    pairChangedLines(ops);
    int changed = 0;
    StringBuilder out = new StringBuilder();
    boolean gap = false;
    for (int k = 0; k < ops.size(); k++) {
      String op = ops.get(k)[0];
      boolean near =
          !op.equals(" ")
              || (k > 0 && !ops.get(k - 1)[0].equals(" "))
              || (k + 1 < ops.size() && !ops.get(k + 1)[0].equals(" "));
      if (!op.equals(" ")) {
        changed++;
      }
      if (!near) {
        gap = true;
        continue;
      }
      if (gap && out.length() > 0) {
        out.append("    ...\n");
      }
      gap = false;
      out.append("  ")
          .append(op)
          .append(' ')
          .append(clip(ops.get(k)[1], ops.get(k)[2]))
          .append('\n');
    }
    return new SummaryDiff(changed, out.toString());
  }

  /** In each run of changes, the k-th removed line's counterpart is the k-th added one. */
  private static void pairChangedLines(List<String[]> ops) {
    int k = 0;
    while (k < ops.size()) {
      if (ops.get(k)[0].equals(" ")) {
        k++;
        continue;
      }
      List<String[]> removed = new ArrayList<>();
      List<String[]> added = new ArrayList<>();
      while (k < ops.size() && !ops.get(k)[0].equals(" ")) {
        (ops.get(k)[0].equals("-") ? removed : added).add(ops.get(k));
        k++;
      }
      for (int n = 0; n < Math.min(removed.size(), added.size()); n++) {
        removed.get(n)[2] = added.get(n)[1];
        added.get(n)[2] = removed.get(n)[1];
      }
    }
  }

  private static String clip(String line, String counterpart) {
    if (line.length() <= WIDTH) {
      return line;
    }
    int same = 0;
    while (same < line.length()
        && same < counterpart.length()
        && line.charAt(same) == counterpart.charAt(same)) {
      same++;
    }
    int from = Math.max(0, Math.min(same - WIDTH / 4, line.length() - WIDTH));
    int to = Math.min(line.length(), from + WIDTH);
    return (from > 0 ? "…" : "") + line.substring(from, to) + (to < line.length() ? "…" : "");
  }
}
