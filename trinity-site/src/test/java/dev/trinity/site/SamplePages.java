package dev.trinity.site;

import dev.trinity.api.content.Hero;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import dev.trinity.api.content.ThemeRules;
import java.util.List;

/** Content used across the site tests: an ordinary portfolio and one built to break layouts. */
final class SamplePages {
  private SamplePages() {}

  static Theme theme(String name) {
    return new Theme(name, "the " + name + " theme", "plain", ThemeRules.ofDefaults());
  }

  static SiteContent ordinary() {
    return new SiteContent(
        "Ada Kowalska",
        "Infrastructure that stays up",
        new Hero(
            "I build reliable backends",
            "Ten years of Java, Kubernetes and on-call. I like boring technology that works.",
            new Link("See my work", "#projects"),
            new Link("Email me", "mailto:ada@example.com")),
        List.of(
            new Project(
                "ledger-sync",
                "Keeps two ledgers in step across regions with exactly-once delivery.",
                "https://github.com/ada/ledger-sync",
                1240,
                "Java",
                List.of("kafka", "payments", "java")),
            new Project(
                "tiny-ci",
                "A continuous integration runner in one binary.",
                "https://github.com/ada/tiny-ci",
                87,
                "Go",
                List.of("ci", "devops")),
            new Project(
                "notes",
                "My engineering notes, published as a static site.",
                null,
                null,
                null,
                List.of())),
        List.of(new Link("Projects", "#projects"), new Link("Contact", "mailto:ada@example.com")),
        new Link("Get in touch", "mailto:ada@example.com"));
  }

  static final String LONG_WORD_200 =
      "Supercalifragilisticexpialidocious".repeat(6).substring(0, 200);

  static SiteContent breaking() {
    String repo60 = "hyper-scalable-distributed-event-sourcing-framework-for-java";
    List<String> tags =
        List.of(
            "continuous-integration-and-continuous-deliveryops",
            "continuous-integration-and-delivery",
            "infrastructure-as-code-terraform",
            "observability-opentelemetry-tracing",
            "kubernetes-operators-and-controllers",
            "event-driven-microservice-architecture");
    return new SiteContent(
        "Maximilian-Alexander-Konstantin-Wolfeschlegelsteinhausenbergerdorff",
        "Principal-engineer-of-distributed-systems-and-everything-in-between-since-2009",
        new Hero(
            LONG_WORD_200,
            "Builds https://example.com/a/very/long/path/that/never/breaks/anywhere/at/all/because/it/has/no/spaces/in/it/whatsoever and more",
            new Link("Explore-all-my-open-source-repositories-now", "#projects"),
            new Link("Download-the-complete-curriculum-vitae-pdf", "https://example.com/cv.pdf")),
        List.of(
            new Project(
                repo60,
                "An event store whose snapshotting, projection-rebuilding and "
                    + "exactly-once-delivery-guarantees-across-partitioned-clusters keep working.",
                "https://github.com/max/" + repo60,
                999999,
                "Java",
                tags),
            new Project(
                repo60.replace("java", "kotlin"),
                "Another-one-with-a-description-that-is-a-single-unbroken-token-of-considerable-length-"
                    + "to-test-wrapping-behaviour-everywhere",
                "https://github.com/max/other",
                999999,
                "TypeScript-with-a-very-long-language-name",
                tags),
            new Project("ok", "A short one.", null, 3, "C", List.of("tiny"))),
        List.of(
            new Link("Projects-and-experiments", "#projects"),
            new Link("Publications-and-conference-talks", "#projects"),
            new Link("Contact", "mailto:max@example.com")),
        new Link("Schedule-a-consultation-call-about-your-architecture", "mailto:max@example.com"));
  }
}
