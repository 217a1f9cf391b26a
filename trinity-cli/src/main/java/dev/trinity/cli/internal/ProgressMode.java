package dev.trinity.cli.internal;

/** How {@code build-all} shows its progress. */
enum ProgressMode {
  /** A bar on a terminal, plain lines otherwise. */
  AUTO,
  /** Always the bar (it redraws one line with carriage returns). */
  BAR,
  /** One plain line per finished item. */
  LINES,
  /** Nothing until the summary. */
  NONE
}
