package dev.trinity.api.content;

/** How a theme wants a kind of text cased; see {@link ThemeRules}. */
public enum TextCase {
  /** Leave the text as written. */
  AS_IS,
  /** UPPER CASE. */
  UPPER,
  /** lower case. */
  LOWER,
  /** Title Case: every word capitalised except short joining words; acronyms are kept. */
  TITLE,
  /** Sentence case: the first letter capitalised, the rest as written. */
  SENTENCE
}
