package dev.trinity.site;

/**
 * How an overflowing component is fixed, cheapest first. The healer climbs this ladder per
 * component; {@link #ordinal()} is a stable class id (0 to 4) for predictors.
 *
 * <p>Each step keeps the text of the one before it readable: {@link #FONT_SHRINK} also breaks long
 * words, {@link #CONTENT_CUT} also breaks what remains.
 */
public enum HealingStrategy {
  /** Nothing to fix. */
  NONE,
  /** Let long words break anywhere ({@code overflow-wrap: anywhere}) and wrap nowrap labels. */
  BREAK_WORD,
  /** Break words and set the text one type-scale step (80%) smaller. */
  FONT_SHRINK,
  /** Clip the text with an ellipsis: one line for labels, a few lines for running text. */
  TRUNCATE,
  /** Shorten the text itself at a word boundary, ending with "…"; the last resort. */
  CONTENT_CUT;

  /**
   * The next, stronger strategy.
   *
   * @return the next strategy, or this one when it is {@link #CONTENT_CUT}
   */
  public HealingStrategy next() {
    HealingStrategy[] all = values();
    return ordinal() + 1 < all.length ? all[ordinal() + 1] : this;
  }
}
