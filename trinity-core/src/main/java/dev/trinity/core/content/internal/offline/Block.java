package dev.trinity.core.content.internal.offline;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One unit of a portfolio's document tree, flattened in reading order: a heading, the first line of
 * a list item, a line of a paragraph, a table, or a gap between blocks. Text is plain (no markup);
 * what the markup said survives as the {@link Lead} and the link targets.
 *
 * @param kind what it is
 * @param level a heading's level (1 to 6), or a list item's depth (1 for a top-level item)
 * @param indent how far the line is indented, in columns (list depth counts two per level)
 * @param text the plain text
 * @param lead the link, bold or code span the block starts with, if any
 * @param rest the plain text after the lead (the whole text when there is no lead)
 * @param urls the link targets in the block, in order (images and badges left out)
 * @param table the table, for {@link Kind#TABLE}
 */
record Block(
    Kind kind,
    int level,
    int indent,
    String text,
    @Nullable Lead lead,
    String rest,
    List<String> urls,
    @Nullable Table table) {

  /** What a block is. */
  enum Kind {
    HEADING,
    ITEM,
    LINE,
    TABLE,
    BLANK
  }

  /**
   * A link, bold or code span at the start of a block: often a project's name.
   *
   * @param text its plain text
   * @param url the link target, or null for bold or code
   */
  record Lead(String text, @Nullable String url) {}

  /**
   * A table: header cells and rows of cells.
   *
   * @param header the header cells' text
   * @param rows the body rows
   */
  record Table(List<String> header, List<List<Cell>> rows) {}

  /**
   * A table cell.
   *
   * @param text its plain text
   * @param lead the link, bold or code span it starts with, if any
   * @param urls its link targets
   */
  record Cell(String text, @Nullable Lead lead, List<String> urls) {}

  static final Block BLANK = new Block(Kind.BLANK, 0, 0, "", null, "", List.of(), null);

  Block {
    urls = List.copyOf(urls);
  }
}
