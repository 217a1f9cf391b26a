package dev.trinity.examples.bench.jmh;

import dev.trinity.api.content.Hero;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import dev.trinity.api.content.ThemeRules;
import dev.trinity.site.LayoutRiskPredictor;
import dev.trinity.site.RiskPrediction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One layout-risk prediction for a whole page with the shipped model: an everyday portfolio (6
 * projects, 3 tags each, 4 menu items: 41 elements) and a hostile one of the same shape (unbroken
 * tokens, URLs, CJK, emoji, a 999,999-star project). Sample time, so JMH reports p50; the target is
 * under 50 µs.
 *
 * <p>{@code ./mvnw -B -q -pl trinity-examples -am package -DskipTests dependency:build-classpath
 * -Dmdep.outputFile=cp.txt}, then {@code java -cp trinity-examples/target/classes:$(cat cp.txt)
 * org.openjdk.jmh.Main LayoutRisk}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class LayoutRiskBenchmark {
  private LayoutRiskPredictor predictor;
  private SiteContent everyday;
  private SiteContent hostile;
  private Theme theme;

  /** Loads the model once, as a host does. */
  @Setup
  public void setUp() {
    predictor = LayoutRiskPredictor.shipped();
    theme = new Theme("enterprise", "Corporate", "plain", ThemeRules.ofDefaults());
    everyday = page(false);
    hostile = page(true);
  }

  /**
   * An everyday page.
   *
   * @return the prediction
   */
  @Benchmark
  public RiskPrediction everydayPage() {
    return predictor.predict(everyday, theme);
  }

  /**
   * A hostile page.
   *
   * @return the prediction
   */
  @Benchmark
  public RiskPrediction hostilePage() {
    return predictor.predict(hostile, theme);
  }

  static SiteContent page(boolean hostile) {
    List<Project> repos = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      repos.add(
          new Project(
              hostile
                  ? "an-extraordinarily-long-project-name-" + i + "-that-never-ends"
                  : "Project " + i,
              hostile
                  ? "東京開発者向け高速分散型検索エンジン https://github.com/someone/averyveryverylongrepositoryname"
                  : "A small library for building reliable services with care.",
              "https://github.com/dev/p" + i,
              hostile ? 999_999 : 120 + i,
              "Java",
              hostile
                  ? List.of("kubernetes-operator-framework-extensions", "🚀🔥✨🎉💡", "ok")
                  : List.of("java", "cli", "web")));
    }
    List<Link> menu = new ArrayList<>();
    for (String m : List.of("Work", "About", "Blog", "Contact")) {
      menu.add(new Link(hostile ? m + "WithAnExtraordinarilyLongSuffix" : m, "#" + m));
    }
    return new SiteContent(
        hostile ? "Wolfeschlegelsteinhausenbergerdorff Maximilian" : "Ada Lovelace",
        hostile ? "مطور برمجيات مفتوح المصدر أدوات سحابية" : "Engines, notes and numbers",
        new Hero(
            hostile ? "Supercalifragilisticexpialidociousandevenlonger" : "Analytical engines",
            "I write programs for machines that do not exist yet, with care and tests.",
            new Link("See my work", "#work"),
            new Link("Contact", "#contact")),
        repos,
        menu,
        new Link("Hire me", "mailto:ada@example.com"));
  }
}
