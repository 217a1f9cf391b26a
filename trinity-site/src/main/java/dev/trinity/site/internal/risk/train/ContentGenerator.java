package dev.trinity.site.internal.risk.train;

import dev.trinity.api.content.Hero;
import dev.trinity.api.content.Link;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates portfolio content from ordinary to hostile, reproducibly from a seed. Each page draws a
 * hostility in [0, 1]; each text field is then either everyday prose (most fields of most pages, so
 * that nothing-to-fix is well represented) or, with that probability, one of the shapes that break
 * layouts: unbroken tokens, long URLs, long titles and names, many and long tags, CJK, emoji,
 * right-to-left text, and six-digit star counts.
 */
public final class ContentGenerator {
  private static final String[] WORDS = {
    "build",
    "cloud",
    "native",
    "data",
    "pipeline",
    "fast",
    "simple",
    "tools",
    "for",
    "the",
    "web",
    "and",
    "a",
    "developer",
    "open",
    "source",
    "library",
    "service",
    "platform",
    "modern",
    "small",
    "reliable",
    "systems",
    "design",
    "engineer",
    "with",
    "care",
    "in",
    "Java",
    "Rust",
    "Go",
    "distributed",
    "scalable",
    "secure",
    "testing",
    "framework",
    "minimal",
    "beautiful",
    "apps",
    "mobile",
    "machine",
    "learning",
    "infrastructure",
    "observability",
    "event-driven",
    "async",
    "real-time",
    "search",
    "storage",
    "compiler",
    "runtime",
    "graphics",
    "terminal",
    "editor",
    "notes",
    "static",
    "site",
    "generator",
    "API",
    "client",
    "server",
    "queue",
    "cache",
    "stream"
  };
  private static final String[] NAMES = {
    "Ada Lovelace",
    "Grace Hopper",
    "Linus",
    "Mia Chen",
    "Jo",
    "Sam Okafor",
    "Priya Raman",
    "Dev Studio",
    "Kai",
    "Noor Haddad",
    "Lena Fischer",
    "Tomás Ortega"
  };
  private static final String[] LANGUAGES = {
    "Java", "Kotlin", "Go", "Rust", "Python", "TypeScript", "C", "C++", "Shell", "Haskell", "Zig"
  };
  private static final String[] TAGS = {
    "java",
    "cli",
    "web",
    "ml",
    "devops",
    "api",
    "rust",
    "database",
    "security",
    "graphql",
    "k8s",
    "testing",
    "performance",
    "ui",
    "docs"
  };
  private static final String CJK = "日本語の文章は単語の間に空白を入れずに書かれる東京開発者向け高速分散型検索エンジン中文项目开源工具数据库한국어개발자도구";
  private static final String[] EMOJI = {
    "🚀", "✨", "🔥", "🎉", "💡", "🐍", "☕", "🦀", "📦", "🌍", "👩‍💻", "🧪", "⚡", "🛠️", "🇯🇵"
  };
  private static final String[] RTL = {
    "مطور", "برمجيات", "مفتوح", "المصدر", "أدوات", "سحابية", "מפתח", "תוכנה", "קוד", "פתוח", "כלים",
    "مشروع"
  };

  private final SplittableRandom random;

  /**
   * A generator.
   *
   * @param seed the seed: the same seed gives the same pages
   */
  public ContentGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * The next page, with a random hostility.
   *
   * @return the content
   */
  public SiteContent next() {
    return next(random.nextDouble());
  }

  /**
   * The next page.
   *
   * @param hostility the chance, per text field, of a layout-breaking shape (0 to 1)
   * @return the content
   */
  public SiteContent next(double hostility) {
    String brand = field(hostility, 100, Shape.NAME);
    String tagline = random.nextInt(5) == 0 ? null : field(hostility, 200, Shape.SHORT);
    Hero hero =
        new Hero(
            field(hostility, 200, Shape.TITLE),
            field(hostility, 500, Shape.PROSE),
            link(hostility),
            random.nextBoolean() ? link(hostility) : null);
    int nRepos = 1 + random.nextInt(random.nextInt(4) == 0 ? 20 : 6);
    List<Project> repos = new ArrayList<>();
    for (int i = 0; i < nRepos; i++) {
      repos.add(project(hostility));
    }
    List<Link> menu = new ArrayList<>();
    int nMenu = random.nextInt(random.nextInt(4) == 0 ? 11 : 6);
    for (int i = 0; i < nMenu; i++) {
      menu.add(new Link(clip(field(hostility, 100, Shape.LABEL), 100), "#section-" + i));
    }
    Link cta = random.nextInt(4) == 0 ? null : link(hostility);
    return new SiteContent(brand, tagline, hero, repos, menu, cta);
  }

  private Project project(double hostility) {
    Integer stars =
        switch (random.nextInt(8)) {
          case 0 -> null;
          case 1 -> chance(hostility) ? 999_999 : random.nextInt(100_000);
          case 2 -> chance(hostility) ? 100_000 + random.nextInt(900_000) : random.nextInt(50);
          default -> random.nextInt(5_000);
        };
    String language =
        random.nextInt(6) == 0
            ? null
            : chance(hostility / 3)
                ? clip(field(1, 40, Shape.LABEL), 40)
                : LANGUAGES[random.nextInt(LANGUAGES.length)];
    int nTags = random.nextInt(chance(hostility) ? 11 : 5);
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < nTags; i++) {
      tags.add(
          chance(hostility)
              ? clip(field(1, 50, Shape.LABEL), 50)
              : TAGS[random.nextInt(TAGS.length)]);
    }
    String url =
        chance(hostility / 2)
            ? longUrl()
            : "https://github.com/dev/" + WORDS[random.nextInt(WORDS.length)];
    return new Project(
        field(hostility, 200, Shape.TITLE),
        field(hostility, 1000, Shape.PROSE),
        url,
        stars,
        language,
        tags);
  }

  private Link link(double hostility) {
    return new Link(clip(field(hostility, 100, Shape.LABEL), 100), "https://example.com/go");
  }

  private enum Shape {
    NAME,
    SHORT,
    TITLE,
    PROSE,
    LABEL
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** An everyday field, or with probability {@code hostility} a hostile one. */
  private String field(double hostility, int max, Shape shape) {
    String text = chance(hostility) ? hostile(shape) : everyday(shape);
    return clip(text, max);
  }

  private String everyday(Shape shape) {
    return switch (shape) {
      case NAME -> NAMES[random.nextInt(NAMES.length)];
      case SHORT -> words(3 + random.nextInt(6));
      case TITLE -> capitalise(words(1 + random.nextInt(5)));
      case PROSE -> words(8 + random.nextInt(30)) + ".";
      case LABEL -> capitalise(words(1 + random.nextInt(2)));
    };
  }

  private String hostile(Shape shape) {
    int kind = random.nextInt(9);
    return switch (kind) {
      case 0 -> token(8 + random.nextInt(60));
      case 1 -> longUrl();
      case 2 -> mixed(token(5 + random.nextInt(40)), shape);
      case 3 -> cjk(4 + random.nextInt(shape == Shape.PROSE ? 200 : 40));
      case 4 -> emoji(2 + random.nextInt(shape == Shape.PROSE ? 40 : 12));
      case 5 -> rtl(2 + random.nextInt(shape == Shape.PROSE ? 60 : 8));
      case 6 -> words(shape == Shape.PROSE ? 60 + random.nextInt(120) : 6 + random.nextInt(30));
      case 7 -> capitalise(words(2 + random.nextInt(4))).toUpperCase(java.util.Locale.ROOT);
      default -> mixed(cjk(3 + random.nextInt(10)) + emoji(1 + random.nextInt(3)), shape);
    };
  }

  private String mixed(String odd, Shape shape) {
    String before = words(random.nextInt(shape == Shape.PROSE ? 12 : 3));
    String after = words(random.nextInt(shape == Shape.PROSE ? 12 : 3));
    return (before + " " + odd + " " + after).strip();
  }

  private String words(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  private String token(int length) {
    String alphabet =
        random.nextBoolean()
            ? "abcdefghijklmnopqrstuvwxyz"
            : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private String longUrl() {
    return "https://github.com/"
        + token(4 + random.nextInt(12))
        + "/"
        + token(6 + random.nextInt(20)).toLowerCase(java.util.Locale.ROOT)
        + "/blob/main/src/"
        + token(5 + random.nextInt(25))
        + ".java?ref="
        + token(random.nextInt(20));
  }

  private String cjk(int n) {
    StringBuilder sb = new StringBuilder();
    int start = random.nextInt(CJK.length());
    for (int i = 0; i < n; i++) {
      sb.append(CJK.charAt((start + i) % CJK.length()));
    }
    return sb.toString();
  }

  private String emoji(int n) {
    StringBuilder sb = new StringBuilder();
    boolean spaced = random.nextBoolean();
    for (int i = 0; i < n; i++) {
      if (spaced && i > 0) {
        sb.append(' ');
      }
      sb.append(EMOJI[random.nextInt(EMOJI.length)]);
    }
    return sb.toString();
  }

  private String rtl(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(random.nextInt(6) == 0 ? "" : " ");
      }
      sb.append(RTL[random.nextInt(RTL.length)]);
    }
    return sb.toString();
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String clip(String s, int max) {
    String t = s.strip();
    if (t.isEmpty()) {
      return "x";
    }
    if (t.length() <= max) {
      return t;
    }
    int end = max;
    if (Character.isHighSurrogate(t.charAt(end - 1))) {
      end--;
    }
    return t.substring(0, end).strip();
  }
}
