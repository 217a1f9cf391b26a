package dev.trinity.cli.internal;

/** The Java runtime must be 17 or newer. */
final class JavaCheck {
  static final String NAME = "Java";
  static final int MINIMUM = 17;

  private JavaCheck() {}

  static CheckResult run(Runtime.Version version, String vendor) {
    String found = "Java " + version + " (" + vendor + ")";
    if (version.feature() < MINIMUM) {
      return CheckResult.fail(
          NAME,
          found + " is too old",
          "install a JDK or JRE "
              + MINIMUM
              + " or newer (e.g. Eclipse Temurin 17) and put it first"
              + " on the PATH or in JAVA_HOME");
    }
    return CheckResult.ok(NAME, found);
  }
}
