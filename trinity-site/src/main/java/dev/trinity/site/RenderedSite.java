package dev.trinity.site;

import dev.trinity.api.content.SiteContent;
import dev.trinity.site.internal.LayoutSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rendered page: {@code index.html} and the assets it links to (stylesheets and fonts), all by
 * relative path, so the directory it is written to renders the same offline. Immutable; the asset
 * bytes are shared, do not modify them.
 */
public final class RenderedSite {
  /** The page's file name. */
  public static final String INDEX = "index.html";

  private final String theme;
  private final String html;
  private final Map<String, byte[]> assets;
  private final SiteContent content;
  private final LayoutFixes fixes;
  private final @Nullable LayoutSpec layout;

  /**
   * A page.
   *
   * @param theme the theme name it was rendered with
   * @param html the page's HTML
   * @param assets relative path (such as {@code assets/site.css}) to bytes
   * @param content the content as rendered (after any {@link HealingStrategy#CONTENT_CUT})
   * @param fixes the fixes it was rendered with
   * @throws IllegalArgumentException when an asset path is absolute or climbs out with {@code ..}
   */
  public RenderedSite(
      String theme,
      String html,
      Map<String, byte[]> assets,
      SiteContent content,
      LayoutFixes fixes) {
    this(theme, html, assets, content, fixes, null);
  }

  RenderedSite(
      String theme,
      String html,
      Map<String, byte[]> assets,
      SiteContent content,
      LayoutFixes fixes,
      @Nullable LayoutSpec layout) {
    this.layout = layout;
    this.theme = Objects.requireNonNull(theme, "theme");
    this.html = Objects.requireNonNull(html, "html");
    this.content = Objects.requireNonNull(content, "content");
    this.fixes = Objects.requireNonNull(fixes, "fixes");
    for (String path : assets.keySet()) {
      if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
        throw new IllegalArgumentException(
            "asset path must be relative and inside: '" + path + "'");
      }
    }
    this.assets = Collections.unmodifiableMap(new LinkedHashMap<>(assets));
  }

  /**
   * The theme the page was rendered with.
   *
   * @return the theme's name
   */
  public String theme() {
    return theme;
  }

  /**
   * The page's HTML.
   *
   * @return the content of {@code index.html}
   */
  public String html() {
    return html;
  }

  /**
   * The page's assets by relative path.
   *
   * @return an unmodifiable map
   */
  public Map<String, byte[]> assets() {
    return assets;
  }

  /**
   * The content as rendered: the input, with the text cut where {@link HealingStrategy#CONTENT_CUT}
   * applied.
   *
   * @return the content
   */
  public SiteContent content() {
    return content;
  }

  /**
   * The fixes the page was rendered with.
   *
   * @return the fixes
   */
  public LayoutFixes fixes() {
    return fixes;
  }

  /**
   * Writes {@code index.html} and the assets into a directory, creating it when needed.
   *
   * @param dir the directory
   * @return the path of {@code index.html}
   * @throws SiteException when a file cannot be written
   */
  public Path writeTo(Path dir) {
    writeAssetsTo(dir);
    Path index = dir.resolve(INDEX);
    try {
      Files.writeString(index, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SiteException("could not write the " + theme + " page to " + dir, e);
    }
    return index;
  }

  /** Writes only the assets into a directory, creating it when needed. */
  void writeAssetsTo(Path dir) {
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, byte[]> asset : assets.entrySet()) {
        Path file = dir.resolve(asset.getKey()).normalize();
        Files.createDirectories(file.getParent());
        Files.write(file, asset.getValue());
      }
    } catch (IOException e) {
      throw new SiteException("could not write the " + theme + " page's assets to " + dir, e);
    }
  }

  /** The layout numbers the page was rendered with, or null when built by hand. */
  @Nullable LayoutSpec layout() {
    return layout;
  }

  @Override
  public String toString() {
    return "RenderedSite[" + theme + ", " + html.length() + " chars, fixes=" + fixes + "]";
  }
}
