package dev.trinity.cli.internal;

/** Which layout check {@code build} and {@code build-all} use for pages. */
enum GuardianChoice {
  /** Chromium when installed, else text metrics. */
  AUTO,
  /** Headless Chromium (fails when it is not installed); also takes a screenshot. */
  CHROMIUM,
  /** Font metrics in the JVM, no browser. */
  TEXT
}
