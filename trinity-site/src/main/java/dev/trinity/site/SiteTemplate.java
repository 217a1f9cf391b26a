package dev.trinity.site;

import dev.trinity.site.internal.LayoutSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A theme's page template: a Mustache HTML template, its stylesheet and its layout numbers.
 * Immutable.
 *
 * <p>The template sees the model described in the module README ({@code brand}, {@code tagline},
 * {@code menu}, {@code hero}, {@code repos}, {@code cta}, and {@code fixCss}/{@code cssLinks} for
 * the head). Every value is HTML-escaped by the engine; a template may not use unescaped output
 * ({@code {{{…}}}} or {@code {{&…}}}) nor partials ({@code {{>…}}}), so untrusted text can never
 * reach the page raw.
 *
 * <p>The layout numbers ({@code layout.properties}: page width, grid, per component font and size)
 * are written into the page's {@code assets/layout.css} and used by {@link TextMetricsGuardian} to
 * compute each element's box; the stylesheet adds colours, borders and decoration.
 */
public final class SiteTemplate {
  private static final Pattern NETWORK_CSS =
      Pattern.compile(
          "@import|url\\(\\s*['\"]?\\s*(?:[a-z][a-z0-9+.-]*:|//)", Pattern.CASE_INSENSITIVE);
  private static final Pattern RAW_OUTPUT = Pattern.compile("\\{\\{\\s*[{&>]");

  private final String html;
  private final String css;
  private final Properties layout;
  private final LayoutSpec spec;

  private SiteTemplate(String html, String css, Properties layout) {
    this.html = Objects.requireNonNull(html, "html");
    this.css = Objects.requireNonNull(css, "css");
    Properties copy = new Properties();
    copy.putAll(Objects.requireNonNull(layout, "layout"));
    this.layout = copy;
    if (RAW_OUTPUT.matcher(html).find()) {
      throw new IllegalArgumentException(
          "template uses unescaped output or a partial ({{{, {{& or {{>); every value must be"
              + " escaped");
    }
    if (NETWORK_CSS.matcher(css).find()) {
      throw new IllegalArgumentException(
          "stylesheet loads from elsewhere (@import, or url() with a scheme or //host); pages must be"
              + " self-contained");
    }
    this.spec = LayoutSpec.of(copy);
    spec.fonts().forEach(f -> dev.trinity.site.internal.BundledFonts.bytes(f + ".ttf"));
  }

  /**
   * A template with its layout numbers.
   *
   * @param html the Mustache template of {@code index.html}
   * @param css the theme's stylesheet
   * @param layout the layout numbers (see the module README); empty for the defaults
   * @return the template
   * @throws IllegalArgumentException when the template outputs unescaped values, the stylesheet
   *     loads from the network, or a layout value or font name is invalid
   */
  public static SiteTemplate of(String html, String css, Properties layout) {
    return new SiteTemplate(html, css, layout);
  }

  /**
   * A template from a classpath directory holding {@code page.mustache}, {@code theme.css} and
   * (optionally) {@code layout.properties}.
   *
   * @param loader the class loader to read with
   * @param dir the directory, such as {@code com/example/themes/neon}
   * @return the template
   * @throws IllegalArgumentException when a required file is missing or invalid
   */
  public static SiteTemplate fromClasspath(ClassLoader loader, String dir) {
    String base = dir.endsWith("/") ? dir : dir + "/";
    String html = read(loader, base + "page.mustache", true);
    String css = read(loader, base + "theme.css", true);
    Properties layout = new Properties();
    String props = read(loader, base + "layout.properties", false);
    if (props != null) {
      try {
        layout.load(new StringReader(props));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + base + "layout.properties", e);
      }
    }
    return new SiteTemplate(html, css, layout);
  }

  /**
   * The template of a built-in theme.
   *
   * @param theme brutalist, hacker, minimalist, enterprise or editorial
   * @return the template
   * @throws IllegalArgumentException when the theme is not built in
   */
  public static SiteTemplate builtIn(String theme) {
    if (!SiteRenderer.BUILT_IN_THEMES.contains(theme)) {
      throw new IllegalArgumentException(
          "no built-in template for theme '"
              + theme
              + "'; built in: "
              + SiteRenderer.BUILT_IN_THEMES);
    }
    return fromClasspath(SiteTemplate.class.getClassLoader(), "dev/trinity/site/themes/" + theme);
  }

  private static @Nullable String read(ClassLoader loader, String path, boolean required) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        if (required) {
          throw new IllegalArgumentException("template file " + path + " is not on the classpath");
        }
        return null;
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read template file " + path, e);
    }
  }

  /**
   * The Mustache source of {@code index.html}.
   *
   * @return the source
   */
  public String html() {
    return html;
  }

  /**
   * The theme's stylesheet.
   *
   * @return CSS
   */
  public String css() {
    return css;
  }

  /**
   * The layout numbers.
   *
   * @return a copy
   */
  public Properties layout() {
    Properties copy = new Properties();
    copy.putAll(layout);
    return copy;
  }

  LayoutSpec spec() {
    return spec;
  }
}
