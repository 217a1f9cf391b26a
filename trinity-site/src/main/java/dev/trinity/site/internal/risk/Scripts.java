package dev.trinity.site.internal.risk;

/** Script classes of code points that matter to line breaking and width. */
final class Scripts {
  private Scripts() {}

  /** Ideographs, kana, Hangul: each may start a new line, about one em wide. */
  static boolean isCjk(int cp) {
    return (cp >= 0x2E80 && cp <= 0x9FFF)
        || (cp >= 0xAC00 && cp <= 0xD7AF)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFF00 && cp <= 0xFFEF)
        || (cp >= 0x20000 && cp <= 0x3FFFF);
  }

  /** Pictographs and symbols drawn as emoji. */
  static boolean isEmoji(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
  }

  /** Hebrew and Arabic letters. */
  static boolean isRtl(int cp) {
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFEFF);
  }

  /** Drawn about one em wide by a fallback font. */
  static boolean isWide(int cp) {
    return isCjk(cp) || isEmoji(cp);
  }
}
