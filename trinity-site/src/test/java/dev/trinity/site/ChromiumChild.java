package dev.trinity.site;

/**
 * Run in a separate JVM by {@link ChromiumGuardianTest}: starts a guardian, checks a page, prints
 * the profile directory and exits without closing it, so only the shutdown hook can clean up.
 */
public final class ChromiumChild {
  private ChromiumChild() {}

  public static void main(String[] args) {
    ChromiumGuardian guardian = ChromiumGuardian.create();
    LayoutReport report =
        guardian.check(
            SiteRenderer.create().render(SamplePages.ordinary(), SamplePages.theme("hacker")));
    System.out.println("profile=" + guardian.profileDirectory());
    System.out.println("clean=" + report.isClean());
    System.out.flush();
    System.exit(0);
  }
}
