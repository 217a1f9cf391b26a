package dev.trinity.cli.internal;

import java.util.List;

/**
 * A plain-text table: a header row, a rule, then the rows, each column as wide as its widest cell.
 */
final class TextTable {
  private TextTable() {}

  static String render(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, widths);
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
    }
    sb.append(rule).append('\n');
    for (List<String> row : rows) {
      line(sb, row, widths);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      String cell = cells.get(c);
      line.append(c == 0 ? "" : "  ").append(cell);
      if (c < widths.length - 1) {
        line.append(" ".repeat(widths[c] - cell.length()));
      }
    }
    sb.append(line).append('\n');
  }
}
