package dev.trinity.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

@ExtendWith(SharedChromium.class)
class ChromiumGuardianTest {
  static final List<Viewport> VIEWPORTS = Viewport.DEFAULTS;
  static final SiteRenderer RENDERER = SiteRenderer.create();
  static ChromiumGuardian chromium;

  @BeforeAll
  static void shareChromium(ChromiumGuardian shared) {
    chromium = shared;
  }

  @ParameterizedTest
  @FieldSource("VIEWPORTS")
  void flagsAKnownOverflowingPageAndPassesAKnownCleanOneAtEachViewport(Viewport viewport) {
    for (String theme : SiteRenderer.BUILT_IN_THEMES) {
      LayoutReport clean =
          chromium.check(
              RENDERER.render(SamplePages.ordinary(), SamplePages.theme(theme)), List.of(viewport));
      LayoutReport broken =
          chromium.check(
              RENDERER.render(SamplePages.breaking(), SamplePages.theme(theme)), List.of(viewport));

      assertThat(clean.isClean()).as("%s at %s: %s", theme, viewport, clean.overflows()).isTrue();
      assertThat(clean.elementsChecked()).isGreaterThan(15);
      assertThat(clean.guardian()).isEqualTo("chromium");
      assertThat(broken.overflows())
          .as("%s at %s", theme, viewport)
          .anySatisfy(
              o -> {
                assertThat(o.component()).isEqualTo(Component.HERO_TITLE);
                assertThat(o.axis()).isEqualTo(Overflow.Axis.HORIZONTAL);
                assertThat(o.viewport()).isEqualTo(viewport);
                assertThat(o.overflowPx()).isGreaterThan(1000);
              });
    }
  }

  static SiteTemplate probe() {
    String html =
        "<!DOCTYPE html><html><head>{{#stylesheets}}<link rel=\"stylesheet\" href=\"{{.}}\">"
            + "{{/stylesheets}}</head><body>"
            + "{{#hero}}{{#title}}<div class=\"w\" data-component=\"hero_title\">{{text}}</div>"
            + "{{/title}}{{#subtitle}}<div class=\"v\" data-component=\"hero_subtitle\">{{text}}"
            + "</div><div class=\"e\" data-component=\"tagline\">{{text}}</div>{{/subtitle}}"
            + "{{/hero}}</body></html>";
    String css =
        "body{margin:0}.w{width:200px!important;display:block}"
            + ".v{width:300px!important;height:20px;overflow:hidden}"
            + ".e{width:100px!important;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}";
    Properties layout = new Properties();
    layout.setProperty("hero_title.size", "16");
    return SiteTemplate.of(html, css, layout);
  }

  @Test
  void measuresHorizontalAndHiddenVerticalOverflowAndIgnoresAnEllipsis() {
    SiteRenderer renderer = SiteRenderer.builder().template("probe", probe()).build();
    String wide = "W".repeat(40);
    String tall = "many short words ".repeat(12);
    var content =
        new dev.trinity.api.content.SiteContent(
            "b",
            null,
            new dev.trinity.api.content.Hero(wide, tall, null, null),
            List.of(new dev.trinity.api.content.Project("p", "d", null, null, null, List.of())),
            List.of(),
            null);
    double textWidth = dev.trinity.site.internal.TextMeasure.width(wide, "DejaVuSans", 16);

    LayoutReport report =
        chromium.check(
            renderer.render(content, SamplePages.theme("probe")), List.of(Viewport.DESKTOP));

    assertThat(report.overflows()).hasSize(2);
    Overflow h = report.overflows().get(0);
    assertThat(h.component()).isEqualTo(Component.HERO_TITLE);
    assertThat(h.axis()).isEqualTo(Overflow.Axis.HORIZONTAL);
    assertThat((double) h.overflowPx())
        .isCloseTo(textWidth - 200, org.assertj.core.data.Offset.offset(3.0));
    Overflow v = report.overflows().get(1);
    assertThat(v.component()).isEqualTo(Component.HERO_SUBTITLE);
    assertThat(v.axis()).isEqualTo(Overflow.Axis.VERTICAL);
    assertThat(v.overflowPx()).isGreaterThan(20);
  }

  @Test
  void aScreenshotIsANonBlankPngOfTheViewportsSize() throws Exception {
    RenderedSite page = RENDERER.render(SamplePages.ordinary(), SamplePages.theme("enterprise"));

    byte[] png = chromium.screenshot(page, Viewport.TABLET, false);
    byte[] full = chromium.fullPageScreenshot(page, Viewport.MOBILE).orElseThrow();

    assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(768);
    assertThat(image.getHeight()).isEqualTo(1024);
    assertThat(distinctColours(image)).isGreaterThan(50);
    BufferedImage fullImage = ImageIO.read(new ByteArrayInputStream(full));
    assertThat(fullImage.getWidth()).isEqualTo(375);
    assertThat(fullImage.getHeight()).isGreaterThan(812);
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  @Test
  void windowResizingFindsWhatTheDeviceMetricsOverrideFinds() {
    RenderedSite broken = RENDERER.render(SamplePages.breaking(), SamplePages.theme("brutalist"));
    LayoutReport viaOverride = chromium.check(broken);
    try (ChromiumGuardian resizing =
        ChromiumGuardian.builder().deviceMetricsOverride(false).build()) {
      LayoutReport viaWindow = resizing.check(broken);
      assertThat(keys(viaWindow)).isEqualTo(keys(viaOverride));
    }
  }

  private static Set<String> keys(LayoutReport r) {
    Set<String> out = new HashSet<>();
    r.overflows().forEach(o -> out.add(o.ref() + "@" + o.viewport().name() + o.axis()));
    return out;
  }

  @Test
  void closeLeavesNoBrowserProcessAndDeletesTheProfile() {
    ChromiumGuardian own = ChromiumGuardian.create();
    String profile = own.profileDirectory().toString();
    own.check(RENDERER.render(SamplePages.ordinary(), SamplePages.theme("minimalist")));
    assertThat(BrowserProcesses.withCommandLineContaining(profile)).isNotEmpty();

    own.close();
    own.close();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(BrowserProcesses.withCommandLineContaining(profile)).isEmpty());
    assertThat(Path.of(profile)).doesNotExist();
    assertThatThrownBy(
            () -> own.check(RENDERER.render(SamplePages.ordinary(), SamplePages.theme("hacker"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void noBrowserProcessIsLeftAfterTheJvmEnds() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.awt.headless=true",
                ChromiumChild.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.PIPE)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    String profile =
        output
            .lines()
            .filter(l -> l.startsWith("profile="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no profile line in: " + output))
            .substring("profile=".length());
    assertThat(output).contains("clean=true");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(BrowserProcesses.withCommandLineContaining(profile)).isEmpty());
    assertThat(new File(profile)).doesNotExist();
  }

  @Test
  void theBestAvailableGuardianIsChromiumWhenItIsInstalled() {
    try (LayoutGuardian best = LayoutGuardians.bestAvailable()) {
      assertThat(best).isInstanceOf(ChromiumGuardian.class);
      assertThat(
              best.check(RENDERER.render(SamplePages.ordinary(), SamplePages.theme("hacker")))
                  .guardian())
          .isEqualTo("chromium");
    }
  }

  @Test
  void missingBinariesAreNamed() {
    assertThatThrownBy(
            () -> ChromiumGuardian.builder().browser(Path.of("/nonexistent/chromium")).build())
        .isInstanceOf(SiteException.class)
        .hasMessageContaining("/nonexistent/chromium");
    assertThatThrownBy(
            () -> ChromiumGuardian.builder().driver(Path.of("/nonexistent/chromedriver")).build())
        .isInstanceOf(SiteException.class)
        .hasMessageContaining("/nonexistent/chromedriver");
    assertThat(Files.isExecutable(ChromiumGuardian.DEFAULT_BROWSER)).isTrue();
  }
}
