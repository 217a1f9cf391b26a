package dev.trinity.core.content.internal.offline;

import dev.trinity.core.content.internal.offline.Block.Cell;
import dev.trinity.core.content.internal.offline.Block.Kind;
import dev.trinity.core.content.internal.offline.Block.Lead;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Parses a portfolio with commonmark-java (GFM tables) and the HTML it embeds with jsoup, and
 * flattens the document tree into {@link Block}s: headings, list items, paragraph lines (a
 * paragraph's line breaks are kept, as résumés rely on them) and tables. Images, badges, HTML tags
 * and Markdown syntax do not survive; link targets do. Embedded HTML goes to {@link HtmlBlocks}.
 */
final class DocumentBlocks {
  private static final Parser PARSER =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();
  private static final Pattern HREF = Pattern.compile("(?i)href\\s*=\\s*[\"']?([^\"'\\s>]+)");

  private final List<Block> out = new ArrayList<>();

  private DocumentBlocks() {}

  /** The blocks of a document, in reading order. */
  static List<Block> parse(String text) {
    DocumentBlocks b = new DocumentBlocks();
    b.blocks(PARSER.parse(text), 0);
    return b.out;
  }

  private void blocks(Node parent, int depth) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      block(n, depth);
    }
  }

  private void block(Node n, int depth) {
    if (n instanceof Heading h) {
      gap();
      List<Line> lines = lines(h, false);
      String text = Text.collapse(String.join(" ", lines.stream().map(l -> l.text).toList()));
      Line first = lines.isEmpty() ? new Line() : lines.get(0);
      if (Text.hasWord(text)) {
        add(Kind.HEADING, h.getLevel(), 0, text, first.lead(), first.rest(), urls(lines));
      }
      gap();
    } else if (n instanceof Paragraph p) {
      boolean inItem = p.getParent() instanceof ListItem && p.getPrevious() == null;
      List<Line> lines = lines(p, true);
      for (int i = 0; i < lines.size(); i++) {
        Line l = lines.get(i);
        if (!Text.hasWord(l.text)) {
          continue;
        }
        if (inItem && i == 0) {
          add(Kind.ITEM, depth, depth * 2, l.text, l.lead(), l.rest(), l.urls);
        } else {
          add(
              Kind.LINE,
              0,
              inItem || depth > 0 ? depth * 2 + 2 : 0,
              l.text,
              l.lead(),
              l.rest(),
              l.urls);
        }
      }
      if (!(p.getParent() instanceof ListItem)) {
        gap();
      }
    } else if (n instanceof ListBlock list) {
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        blocks(item, depth + 1);
      }
      if (depth == 0) {
        gap();
      }
    } else if (n instanceof TableBlock t) {
      table(t);
    } else if (n instanceof HtmlBlock html) {
      new HtmlBlocks(this).read(html.getLiteral(), depth);
    } else if (n instanceof IndentedCodeBlock code) {
      // résumés indent their lines; in a portfolio an indented block is rarely code
      for (String line : code.getLiteral().split("\n")) {
        String t = Text.plain(line);
        if (Text.hasWord(t)) {
          add(Kind.LINE, 0, 4, t, null, t, List.of());
        }
      }
      gap();
    } else if (n instanceof ThematicBreak || n instanceof FencedCodeBlock) {
      gap(); // a rule, or code: neither names a project
    } else {
      blocks(n, depth); // block quotes, list items, anything else: their children
    }
  }

  void gap() {
    if (!out.isEmpty() && out.get(out.size() - 1).kind() != Kind.BLANK) {
      out.add(Block.BLANK);
    }
  }

  void add(
      Kind kind,
      int level,
      int indent,
      String text,
      @Nullable Lead lead,
      String rest,
      List<String> urls) {
    out.add(new Block(kind, level, indent, text, lead, rest, urls, null));
  }

  private static List<String> urls(List<Line> lines) {
    List<String> urls = new ArrayList<>();
    lines.forEach(l -> urls.addAll(l.urls));
    return urls;
  }

  // ---------------------------------------------------------------- tables

  private void table(TableBlock t) {
    List<String> header = new ArrayList<>();
    List<List<Cell>> rows = new ArrayList<>();
    for (Node section = t.getFirstChild(); section != null; section = section.getNext()) {
      for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
        if (!(row instanceof TableRow)) {
          continue;
        }
        List<Cell> cells = new ArrayList<>();
        for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
          if (c instanceof TableCell cell) {
            List<Line> lines = lines(cell, false);
            Line l = lines.isEmpty() ? new Line() : lines.get(0);
            cells.add(new Cell(l.text, l.lead(), l.urls));
          }
        }
        if (section instanceof TableHead) {
          cells.forEach(c -> header.add(c.text()));
        } else {
          rows.add(cells);
        }
      }
    }
    addTable(header, rows);
  }

  void addTable(List<String> header, List<List<Cell>> rows) {
    gap();
    out.add(new Block(Kind.TABLE, 0, 0, "", null, "", List.of(), new Block.Table(header, rows)));
    gap();
  }

  // ---------------------------------------------------------------- inline content

  /** One line of inline content: its segments (plain text, links, bold, code). */
  private static final class Line {
    final List<Segment> segments = new ArrayList<>();
    final List<String> urls = new ArrayList<>();
    String text = "";

    @Nullable Lead lead() {
      for (Segment s : segments) {
        if (!Text.hasWord(s.text)) {
          continue;
        }
        return s.kind == SegmentKind.TEXT ? null : new Lead(Text.collapse(s.text), s.url);
      }
      return null;
    }

    String rest() {
      Lead lead = lead();
      if (lead == null) {
        return text;
      }
      StringBuilder sb = new StringBuilder();
      boolean seen = false;
      for (Segment s : segments) {
        if (seen) {
          sb.append(s.text);
        } else if (Text.hasWord(s.text)) {
          seen = true;
        }
      }
      return Text.collapse(sb.toString());
    }
  }

  private enum SegmentKind {
    TEXT,
    LINK,
    STRONG,
    CODE
  }

  private static final class Segment {
    final SegmentKind kind;
    final StringBuilder textBuilder = new StringBuilder();
    @Nullable String url;
    String text = "";

    Segment(SegmentKind kind, @Nullable String url) {
      this.kind = kind;
      this.url = url;
    }
  }

  /** The inline content of a node as lines (split at line breaks when {@code split}). */
  private static List<Line> lines(Node parent, boolean split) {
    List<Line> lines = new ArrayList<>();
    Line line = new Line();
    Segment htmlLink = null;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (split && (n instanceof SoftLineBreak || n instanceof HardLineBreak)) {
        lines.add(finish(line));
        line = new Line();
        continue;
      }
      if (n instanceof HtmlInline html) {
        String tag = html.getLiteral().toLowerCase(Locale.ROOT);
        if (tag.startsWith("<a ")) {
          Matcher m = HREF.matcher(html.getLiteral());
          htmlLink = new Segment(SegmentKind.LINK, m.find() ? safeLink(m.group(1)) : null);
          line.segments.add(htmlLink);
        } else if (tag.startsWith("</a")) {
          htmlLink = null;
        } else if (tag.startsWith("<br")) {
          if (split) {
            lines.add(finish(line));
            line = new Line();
          } else {
            append(line, " ");
          }
        }
        continue;
      }
      if (htmlLink != null && n instanceof org.commonmark.node.Text t) {
        htmlLink.textBuilder.append(t.getLiteral());
        continue;
      }
      Segment s = segment(n);
      if (s != null) {
        line.segments.add(s);
      }
    }
    lines.add(finish(line));
    return lines;
  }

  private static void append(Line line, String text) {
    Segment s = new Segment(SegmentKind.TEXT, null);
    s.textBuilder.append(text);
    line.segments.add(s);
  }

  private static Line finish(Line line) {
    StringBuilder sb = new StringBuilder();
    for (Segment s : line.segments) {
      s.text = s.textBuilder.toString();
      sb.append(s.text);
      if (s.url != null && !line.urls.contains(s.url)) {
        line.urls.add(s.url);
      }
    }
    line.text = Text.plain(sb.toString());
    return line;
  }

  private static @Nullable Segment segment(Node n) {
    if (n instanceof org.commonmark.node.Text t) {
      Segment s = new Segment(SegmentKind.TEXT, null);
      s.textBuilder.append(t.getLiteral());
      return s;
    }
    if (n instanceof Code c) {
      Segment s = new Segment(SegmentKind.CODE, null);
      s.textBuilder.append(c.getLiteral());
      return s;
    }
    if (n instanceof Image) {
      return null;
    }
    if (n instanceof Link link) {
      String url = safeLink(link.getDestination());
      Segment s = new Segment(SegmentKind.LINK, url);
      s.textBuilder.append(plainOf(link));
      return s;
    }
    if (n instanceof Emphasis || n instanceof StrongEmphasis) {
      Segment s = new Segment(SegmentKind.STRONG, firstLink(n));
      s.textBuilder.append(plainOf(n));
      return s;
    }
    if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
      Segment s = new Segment(SegmentKind.TEXT, null);
      s.textBuilder.append(' ');
      return s;
    }
    Segment s = new Segment(SegmentKind.TEXT, null);
    s.textBuilder.append(plainOf(n));
    return s;
  }

  /** A link target worth keeping: safe, and not a badge or picture. */
  static @Nullable String safeLink(@Nullable String destination) {
    String url = SafeUrl.of(destination);
    return url == null || ProjectFields.isImage(url) ? null : url;
  }

  private static @Nullable String firstLink(Node parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Link link) {
        return safeLink(link.getDestination());
      }
      String inner = firstLink(n);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  private static String plainOf(Node parent) {
    StringBuilder sb = new StringBuilder();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof org.commonmark.node.Text t) {
        sb.append(t.getLiteral());
      } else if (n instanceof Code c) {
        sb.append(c.getLiteral());
      } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
        sb.append(' ');
      } else if (!(n instanceof Image) && !(n instanceof HtmlInline)) {
        sb.append(plainOf(n));
      }
    }
    return sb.toString();
  }
}
