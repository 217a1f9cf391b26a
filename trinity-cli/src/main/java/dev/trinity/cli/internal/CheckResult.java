package dev.trinity.cli.internal;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one doctor check.
 *
 * @param status how it went
 * @param name what was checked
 * @param detail what was found
 * @param fix what to do, for a warning or a failure
 */
record CheckResult(Status status, String name, String detail, @Nullable String fix) {
  enum Status {
    OK("ok"),
    WARN("warn"),
    FAIL("FAIL"),
    SKIP("skip");

    final String label;

    Status(String label) {
      this.label = label;
    }
  }

  static CheckResult ok(String name, String detail) {
    return new CheckResult(Status.OK, name, detail, null);
  }

  static CheckResult skip(String name, String detail) {
    return new CheckResult(Status.SKIP, name, detail, null);
  }

  static CheckResult warn(String name, String detail, String fix) {
    return new CheckResult(Status.WARN, name, detail, fix);
  }

  static CheckResult fail(String name, String detail, String fix) {
    return new CheckResult(Status.FAIL, name, detail, fix);
  }
}
