package dev.trinity.site;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.trinity.api.InvalidInputException;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import dev.trinity.site.internal.BundledFonts;
import dev.trinity.site.internal.LayoutSpec;
import dev.trinity.site.internal.PageModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders {@link SiteContent} with a {@link Theme}'s template into a self-contained static page:
 * {@code index.html} plus its stylesheets and the fonts they use, all by relative path, nothing
 * from the network. Templates are Mustache; every value is escaped for HTML and every link goes
 * through a URL check that passes only {@code http(s)}, {@code mailto} and {@code #anchors}.
 *
 * <p>Built-in templates exist for {@link #BUILT_IN_THEMES}; hosts register their own with {@link
 * Builder#template}. Immutable and thread-safe: render from any thread.
 */
public final class SiteRenderer {
  /** The themes with a built-in template. */
  public static final List<String> BUILT_IN_THEMES =
      List.of("brutalist", "hacker", "minimalist", "enterprise", "editorial");

  private static final String FIXES_CSS = readResource("dev/trinity/site/fixes.css");

  private final Map<String, Compiled> templates;

  private record Compiled(SiteTemplate template, Mustache mustache, Map<String, byte[]> assets) {}

  private SiteRenderer(Map<String, SiteTemplate> templates) {
    Map<String, Compiled> compiled = new LinkedHashMap<>();
    DefaultMustacheFactory factory = new DefaultMustacheFactory();
    for (Map.Entry<String, SiteTemplate> e : templates.entrySet()) {
      SiteTemplate t = e.getValue();
      Mustache mustache;
      try {
        mustache = factory.compile(new StringReader(t.html()), e.getKey() + "/page.mustache");
      } catch (MustacheException ex) {
        throw new IllegalArgumentException(
            "template of theme '" + e.getKey() + "' does not compile: " + ex.getMessage(), ex);
      }
      compiled.put(e.getKey(), new Compiled(t, mustache, assetsOf(t)));
    }
    this.templates = Map.copyOf(compiled);
  }

  /**
   * A renderer with the built-in templates, compiled once per JVM and shared (a renderer is
   * immutable).
   *
   * @return the renderer
   */
  public static SiteRenderer create() {
    return BuiltIn.RENDERER;
  }

  private static final class BuiltIn {
    static final SiteRenderer RENDERER = builder().build();
  }

  /**
   * A builder starting with the built-in templates.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The themes this renderer has a template for.
   *
   * @return theme names, sorted
   */
  public Set<String> themes() {
    return new TreeSet<>(templates.keySet());
  }

  /**
   * Renders content without fixes.
   *
   * @param content the content
   * @param theme the theme; its name selects the template
   * @return the page
   * @throws InvalidInputException when there is no template for the theme
   * @throws SiteException when the template fails
   */
  public RenderedSite render(SiteContent content, Theme theme) {
    return render(content, theme, LayoutFixes.none());
  }

  /**
   * Renders generated content without fixes.
   *
   * @param content the engine's answer
   * @param theme the theme; its name selects the template
   * @return the page
   * @throws InvalidInputException when there is no template for the theme
   * @throws SiteException when the template fails
   */
  public RenderedSite render(GeneratedContent content, Theme theme) {
    return render(content.content(), theme, LayoutFixes.none());
  }

  /**
   * Renders content with layout fixes applied.
   *
   * @param content the content
   * @param theme the theme; its name selects the template
   * @param fixes the fixes (CSS classes per element, cut text)
   * @return the page
   * @throws InvalidInputException when there is no template for the theme
   * @throws SiteException when the template fails
   */
  public RenderedSite render(SiteContent content, Theme theme, LayoutFixes fixes) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(fixes, "fixes");
    Compiled compiled = templates.get(theme.name());
    if (compiled == null) {
      throw new InvalidInputException(
          "theme",
          "no page template for theme '"
              + theme.name()
              + "'; templates: "
              + themes()
              + " (register one with SiteRenderer.builder().template(name, template))");
    }
    PageModel.Built model = PageModel.build(content, fixes);
    Map<String, Object> scope = new LinkedHashMap<>(model.scope());
    scope.put("theme", theme.name());
    scope.put("description", theme.description());
    scope.put("stylesheets", List.of("assets/theme.css", "assets/layout.css", "assets/fixes.css"));
    StringWriter out = new StringWriter(16_384);
    try {
      compiled.mustache().execute(out, scope).flush();
    } catch (MustacheException | IOException e) {
      throw new SiteException("the " + theme.name() + " template failed: " + e.getMessage(), e);
    }
    return new RenderedSite(
        theme.name(),
        out.toString(),
        compiled.assets(),
        model.rendered(),
        fixes,
        compiled.template().spec());
  }

  private static Map<String, byte[]> assetsOf(SiteTemplate t) {
    LayoutSpec spec = t.spec();
    Map<String, byte[]> assets = new LinkedHashMap<>();
    assets.put("assets/theme.css", t.css().getBytes(StandardCharsets.UTF_8));
    assets.put(
        "assets/layout.css", (spec.fontFaces() + spec.css()).getBytes(StandardCharsets.UTF_8));
    assets.put("assets/fixes.css", FIXES_CSS.getBytes(StandardCharsets.UTF_8));
    for (String font : spec.fonts()) {
      assets.put("assets/fonts/" + font + ".ttf", BundledFonts.bytes(font + ".ttf"));
    }
    assets.put("assets/fonts/" + BundledFonts.LICENSE, BundledFonts.bytes(BundledFonts.LICENSE));
    return assets;
  }

  private static String readResource(String path) {
    try (InputStream in = SiteRenderer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path, e);
    }
  }

  /** Builds a {@link SiteRenderer}; not thread-safe. */
  public static final class Builder {
    private final Map<String, SiteTemplate> templates = new LinkedHashMap<>();
    private boolean builtIns = true;

    private Builder() {}

    /**
     * Registers (or replaces) the template of a theme.
     *
     * @param theme the theme's name, as in {@link Theme#name()}
     * @param template the template
     * @return this builder
     */
    public Builder template(String theme, SiteTemplate template) {
      Objects.requireNonNull(theme, "theme");
      Objects.requireNonNull(template, "template");
      templates.put(theme, template);
      return this;
    }

    /**
     * Whether to include the built-in templates (true by default).
     *
     * @param include false for only the registered ones
     * @return this builder
     */
    public Builder builtInTemplates(boolean include) {
      this.builtIns = include;
      return this;
    }

    /**
     * Builds the renderer, compiling every template.
     *
     * @return the renderer
     * @throws IllegalArgumentException when a template does not compile
     */
    public SiteRenderer build() {
      Map<String, SiteTemplate> all = new LinkedHashMap<>();
      if (builtIns) {
        for (String theme : BUILT_IN_THEMES) {
          all.put(theme, SiteTemplate.builtIn(theme));
        }
      }
      all.putAll(templates);
      return new SiteRenderer(all);
    }
  }
}
