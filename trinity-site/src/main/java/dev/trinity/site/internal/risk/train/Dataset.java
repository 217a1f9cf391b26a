package dev.trinity.site.internal.risk.train;

import dev.trinity.api.content.SiteContent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** The dataset's pages, regenerated from its seed, and the text hash its rows carry. */
public final class Dataset {
  private Dataset() {}

  /**
   * The first pages of a seed.
   *
   * @param seed the seed
   * @param count how many
   * @return the pages; page {@code i} uses theme {@code i % 5}
   */
  public static List<SiteContent> pages(long seed, int count) {
    ContentGenerator g = new ContentGenerator(seed);
    List<SiteContent> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(g.next());
    }
    return out;
  }

  /**
   * A short hash of an element's text.
   *
   * @param text the text
   * @return 8 hex digits (CRC-32 of the UTF-8 bytes)
   */
  public static String textHash(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }
}
