package dev.trinity.core.content.internal.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import dev.trinity.core.content.internal.ContentJson;
import dev.trinity.core.content.internal.SiteContentValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineExtractorTest {

  @Test
  void findsTheRealProjectsOfTheGithubDashboardFixtureWithLanguagesAndStars() {
    Extraction e = OfflineExtractor.extract(Portfolios.read("github-dashboard-fixture.txt"));

    assertThat(e.brandName()).isEqualTo("fabriziosalmi");
    assertThat(e.profileUrl()).isEqualTo("https://github.com/fabriziosalmi");
    // the extraction keeps every repository found (88); the page shows the top 20
    assertThat(e.projects()).hasSize(88);
    assertThat(
            OfflineExtractor.content(Portfolios.read("github-dashboard-fixture.txt"))
                .orElseThrow()
                .repos())
        .hasSize(SiteContent.MAX_REPOS);
    assertThat(e.projects().subList(0, 6))
        .extracting(Project::name, Project::language, Project::stars)
        .containsExactly(
            tuple("certmate", "Python", 898),
            tuple("caddy-waf", "Go", 660),
            tuple("patterns", "Python", 296),
            tuple("UglyFeed", "Python", 285),
            tuple("proxmox-vm-autoscale", "Python", 273),
            tuple("proxmox-lxc-autoscale", "Python", 217));
    assertThat(e.projects().get(0).description())
        .isEqualTo("SSL Certificate Management System (API + UI)");
    assertThat(e.projects().get(0).url()).isEqualTo("https://github.com/fabriziosalmi/certmate");
  }

  @Test
  void aDashboardRepositoryWithoutALanguageHasNone() {
    Extraction e = OfflineExtractor.extract(Portfolios.read("github-dashboard-fixture.txt"));

    assertThat(e.projects())
        .filteredOn(p -> p.name().equals("DevGPT"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.language()).isNull();
              assertThat(p.stars()).isEqualTo(70);
            });
  }

  @Test
  void theMilestoneBannerIsNotMistakenForAProject() {
    List<Project> projects =
        OfflineExtractor.extract(Portfolios.read("github-dashboard-fixture.txt")).projects();

    assertThat(projects).extracting(Project::name).doesNotHaveDuplicates();
    assertThat(projects)
        .extracting(Project::description)
        .noneMatch(d -> d.contains("Milestone") || d.contains("Next goal"));
  }

  @Test
  void readsMarkdownHeadingsFieldLinesAndBulletItems() {
    Extraction e = OfflineExtractor.extract(Portfolios.read("ada-kowalska.md"));

    assertThat(e.brandName()).isEqualTo("Ada Kowalska");
    assertThat(e.profileUrl()).isEqualTo("https://github.com/adakowalska");
    assertThat(e.projects())
        .extracting(Project::name, Project::language, Project::stars)
        .containsExactly(
            tuple("kube-janitor-rs", "Rust", 1300),
            tuple("pgwatch-lite", "Go", 412),
            tuple("slowlog-explain", "Python", 87),
            tuple("grafana-dash-lint", "TypeScript", 56),
            tuple("otel-sampler-demo", "Go", 23));
    Project pgwatch = e.projects().get(1);
    assertThat(pgwatch.url()).isEqualTo("https://github.com/adakowalska/pgwatch-lite");
    assertThat(pgwatch.tags()).containsExactly("postgres", "prometheus", "observability");
    assertThat(pgwatch.description())
        .isEqualTo(
            "Lightweight PostgreSQL metrics collector with a Prometheus endpoint and zero"
                + " dependencies.");
    assertThat(e.projects().get(3).description())
        .isEqualTo("Lints Grafana dashboard JSON for broken queries and missing units");
    assertThat(e.projects().get(4).url())
        .isEqualTo("https://github.com/adakowalska/otel-sampler-demo");
  }

  @Test
  void readsAPlainResumeOnlyInItsProjectsSection() {
    Extraction e = OfflineExtractor.extract(Portfolios.read("marco-rossi-resume.txt"));

    assertThat(e.brandName()).isEqualTo("Marco Rossi");
    assertThat(e.profileUrl()).isEqualTo("https://github.com/mrossi-sre");
    assertThat(e.summary()).startsWith("Site reliability engineer with eight years");
    assertThat(e.projects())
        .extracting(Project::name, Project::language, Project::stars, Project::url)
        .containsExactly(
            tuple(
                "terraform-drift-watch",
                "Python",
                230,
                "https://github.com/mrossi-sre/terraform-drift-watch"),
            tuple("kafka-lag-lens", "Go", 145, "https://github.com/mrossi-sre/kafka-lag-lens"),
            tuple(
                "runbook-as-code", "Python", 64, "https://github.com/mrossi-sre/runbook-as-code"));
    assertThat(e.projects().get(1).description())
        .isEqualTo(
            "A terminal UI showing consumer group lag across Kafka clusters, with alert"
                + " thresholds.");
  }

  @Test
  void buildsValidContentWithPlainCopyAroundTheProjects() {
    SiteContent content =
        OfflineExtractor.content(Portfolios.read("github-dashboard-lin.txt")).orElseThrow();

    assertThat(content.brandName()).isEqualTo("linzhou-dev");
    assertThat(content.hero().title()).isEqualTo("linzhou-dev");
    assertThat(content.hero().subtitle())
        .isEqualTo("6 projects in TypeScript, Rust and Shell · 1,898 stars.");
    assertThat(content.repos().get(0).name()).isEqualTo("tinyqueue");
    assertThat(content.menuItems()).extracting(l -> l.url()).contains("#projects");
    assertThat(content.cta().url()).isEqualTo("https://github.com/linzhou-dev");
    assertThat(SiteContentValidator.validate(ContentJson.JSON.valueToTree(content)).errors())
        .isEmpty();
  }

  @Test
  void understandsInlineStarsAndLanguagesInSeveralSpellings() {
    String text =
        "## Projects\n"
            + "- **alpha** — Does a thing (Golang, 1.2k stars)\n"
            + "- `beta`: Another thing ⭐ 1,234\n"
            + "- gamma - A third thing. Stars: 7 | Language: TypeScript\n";

    assertThat(OfflineExtractor.extract(text).projects())
        .extracting(Project::name, Project::language, Project::stars, Project::description)
        .containsExactly(
            tuple("beta", null, 1234, "Another thing"),
            tuple("alpha", "Go", 1200, "Does a thing"),
            tuple("gamma", "TypeScript", 7, "A third thing."));
  }

  @Test
  void readsAGithubProfileReadme() {
    String readme =
        "# Hi, I'm Jane 👋\n"
            + "I build web apps for small shops and open-source tools on weekends.\n\n"
            + "## 🚀 Projects\n"
            + "- [TodoMVC-Plus](https://github.com/jane/todomvc-plus): A better todo app ⭐ 120\n"
            + "- [api-mocker](https://github.com/jane/api-mocker) - Mock REST APIs from OpenAPI"
            + " specs (TypeScript)\n\n"
            + "## Skills\n- Go\n- TypeScript\n";

    Extraction e = OfflineExtractor.extract(readme);

    assertThat(e.brandName()).isEqualTo("Jane");
    assertThat(e.profileUrl()).isEqualTo("https://github.com/jane");
    assertThat(e.projects())
        .extracting(Project::name, Project::description, Project::language, Project::stars)
        .containsExactly(
            tuple("TodoMVC-Plus", "A better todo app", null, 120),
            tuple("api-mocker", "Mock REST APIs from OpenAPI specs", "TypeScript", null));
  }

  @Test
  void factsWrittenAsALastSentenceAreTakenOutOfTheDescription() {
    String resume =
        "John Smith\nSoftware Engineer\n\nProjects:\n"
            + "* weather-cli: Command-line weather with ASCII maps for .NET fans. Python, 45 stars."
            + " https://github.com/jsmith/weather-cli\n"
            + "* Budget Buddy - A budgeting app for students (Kotlin)\n\n"
            + "Experience:\n* Acme Inc - Backend developer (2019-2023)\n";

    assertThat(OfflineExtractor.extract(resume).projects())
        .extracting(Project::name, Project::description, Project::language, Project::stars)
        .containsExactly(
            tuple(
                "weather-cli", "Command-line weather with ASCII maps for .NET fans.", "Python", 45),
            tuple("Budget Buddy", "A budgeting app for students", "Kotlin", null));
  }

  @Test
  void textWithoutProjectsYieldsNoContent() {
    assertThat(OfflineExtractor.content("Just a sentence about me and nothing else.")).isEmpty();
  }
}
