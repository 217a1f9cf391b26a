package dev.trinity.core.content.internal.offline;

import dev.trinity.core.content.internal.offline.Block.Cell;
import dev.trinity.core.content.internal.offline.Block.Kind;
import dev.trinity.core.content.internal.offline.Block.Lead;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Turns the HTML a README embeds ({@code <p align="center">}, {@code <h1>}, {@code <table>}, lists)
 * into {@link Block}s with jsoup: headings, list items, tables and lines of text, with link targets
 * kept and images, badges, scripts and styles dropped.
 */
final class HtmlBlocks {
  private final DocumentBlocks sink;

  HtmlBlocks(DocumentBlocks sink) {
    this.sink = sink;
  }

  /** Adds the blocks of an HTML fragment. */
  void read(String literal, int depth) {
    Element body = Jsoup.parseBodyFragment(literal).body();
    body.select("img, svg, picture, source, script, style").remove();
    htmlChildren(body, depth);
    sink.gap();
  }

  private void htmlChildren(Element parent, int depth) {
    StringBuilder loose = new StringBuilder();
    List<String> looseUrls = new ArrayList<>();
    for (org.jsoup.nodes.Node child : parent.childNodes()) {
      if (child instanceof TextNode t) {
        loose.append(t.text());
        continue;
      }
      if (!(child instanceof Element e)) {
        continue;
      }
      String tag = e.tagName();
      if (isInline(tag)) {
        loose.append(' ').append(e.text()).append(' ');
        if (tag.equals("a")) {
          String url = DocumentBlocks.safeLink(e.attr("href"));
          if (url != null) {
            looseUrls.add(url);
          }
        }
        if (tag.equals("br")) {
          flush(loose, looseUrls);
        }
        continue;
      }
      flush(loose, looseUrls);
      if (tag.matches("h[1-6]")) {
        String text = Text.plain(e.text());
        if (Text.hasWord(text)) {
          sink.gap();
          Element a = e.selectFirst("a[href]");
          Lead lead =
              a != null && e.text().strip().startsWith(a.text().strip()) && Text.hasWord(a.text())
                  ? new Lead(Text.plain(a.text()), DocumentBlocks.safeLink(a.attr("href")))
                  : null;
          String rest =
              lead == null
                  ? text
                  : Text.plain(e.text().strip().substring(a.text().strip().length()));
          sink.add(Kind.HEADING, tag.charAt(1) - '0', 0, text, lead, rest, hrefs(e));
          sink.gap();
        }
      } else if (tag.equals("ul") || tag.equals("ol")) {
        for (Element li : e.children()) {
          if (li.tagName().equals("li")) {
            Element copy = li.clone();
            copy.select("ul, ol").remove();
            item(copy, depth + 1);
            for (Element nested : li.children()) {
              if (nested.tagName().equals("ul") || nested.tagName().equals("ol")) {
                Element wrapper = new Element("div");
                wrapper.appendChild(nested.clone());
                htmlChildren(wrapper, depth + 1);
              }
            }
          }
        }
        sink.gap();
      } else if (tag.equals("table")) {
        htmlTable(e);
      } else if (tag.equals("p") || tag.equals("summary") || tag.equals("td")) {
        String text = Text.plain(e.text());
        if (Text.hasWord(text)) {
          sink.add(Kind.LINE, 0, 0, text, htmlLead(e), htmlRest(e), hrefs(e));
        }
        sink.gap();
      } else {
        htmlChildren(e, depth);
      }
    }
    flush(loose, looseUrls);
  }

  private void flush(StringBuilder loose, List<String> urls) {
    String text = Text.plain(loose.toString());
    if (Text.hasWord(text)) {
      sink.add(Kind.LINE, 0, 0, text, null, text, List.copyOf(urls));
    }
    loose.setLength(0);
    urls.clear();
  }

  private void item(Element li, int depth) {
    String text = Text.plain(li.text());
    if (Text.hasWord(text)) {
      sink.add(Kind.ITEM, depth, depth * 2, text, htmlLead(li), htmlRest(li), hrefs(li));
    }
  }

  private static @Nullable Lead htmlLead(Element e) {
    for (org.jsoup.nodes.Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        if (t.isBlank()) {
          continue;
        }
        return null;
      }
      if (n instanceof Element c) {
        String tag = c.tagName();
        if (!Text.hasWord(c.text())) {
          continue;
        }
        if (tag.equals("a")) {
          return new Lead(Text.plain(c.text()), DocumentBlocks.safeLink(c.attr("href")));
        }
        if (tag.equals("b") || tag.equals("strong") || tag.equals("code") || tag.equals("em")) {
          Element a = c.selectFirst("a[href]");
          return new Lead(
              Text.plain(c.text()), a == null ? null : DocumentBlocks.safeLink(a.attr("href")));
        }
        return null;
      }
    }
    return null;
  }

  private static String htmlRest(Element e) {
    Lead lead = htmlLead(e);
    String text = Text.collapse(e.text());
    if (lead == null) {
      return Text.plain(text);
    }
    int at = text.indexOf(lead.text());
    return Text.plain(at >= 0 ? text.substring(at + lead.text().length()) : text);
  }

  private static List<String> hrefs(Element e) {
    List<String> urls = new ArrayList<>();
    for (Element a : e.select("a[href]")) {
      String url = DocumentBlocks.safeLink(a.attr("href"));
      if (url != null && !urls.contains(url)) {
        urls.add(url);
      }
    }
    return urls;
  }

  private void htmlTable(Element table) {
    List<String> header = new ArrayList<>();
    List<List<Cell>> rows = new ArrayList<>();
    for (Element tr : table.select("tr")) {
      List<Cell> cells = new ArrayList<>();
      boolean isHeader = !tr.select("th").isEmpty() && tr.select("td").isEmpty();
      for (Element cell : tr.children()) {
        cells.add(new Cell(Text.plain(cell.text()), htmlLead(cell), hrefs(cell)));
      }
      if (isHeader && header.isEmpty() && rows.isEmpty()) {
        cells.forEach(c -> header.add(c.text()));
      } else {
        rows.add(cells);
      }
    }
    sink.addTable(header, rows);
  }

  private static boolean isInline(String tag) {
    return switch (tag) {
      case "a",
          "b",
          "strong",
          "i",
          "em",
          "code",
          "span",
          "br",
          "sup",
          "sub",
          "kbd",
          "small",
          "mark",
          "s",
          "del",
          "u" ->
          true;
      default -> false;
    };
  }
}
