package dev.trinity.site;

import java.util.Locale;

/**
 * A part of the page whose text the guardians check. Every rendered element of a component carries
 * {@code data-component="<id>"}, and repeated ones {@code data-index} (from 0, in content order;
 * for tags the index counts tags across the whole page).
 */
public enum Component {
  /** The brand or developer name in the header. */
  BRAND_NAME(false),
  /** The tagline under the brand. */
  TAGLINE(false),
  /** A navigation link. */
  MENU_ITEM(true),
  /** The hero headline. */
  HERO_TITLE(false),
  /** The line under the hero headline. */
  HERO_SUBTITLE(false),
  /** A call-to-action button (hero buttons and the closing call to action). */
  CTA(true),
  /** A project's name. */
  CARD_TITLE(false),
  /** A project's description. */
  CARD_DESCRIPTION(false),
  /** A project's language and star count. */
  CARD_META(true),
  /** A project's topic tag. */
  TAG(true);

  private final boolean singleLine;

  Component(boolean singleLine) {
    this.singleLine = singleLine;
  }

  /**
   * The snake_case id used in {@code data-component} and in logs.
   *
   * @return for example {@code card_title}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the component is a one-line label (a button, tag or menu item) rather than running
   * text; it decides how {@link HealingStrategy#TRUNCATE} clips it.
   *
   * @return true for labels
   */
  public boolean singleLine() {
    return singleLine;
  }

  /**
   * The component with this id.
   *
   * @param id a snake_case id such as {@code hero_title}
   * @return the component
   * @throws IllegalArgumentException when no component has that id
   */
  public static Component fromId(String id) {
    for (Component c : values()) {
      if (c.id().equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown component id '" + id + "'");
  }
}
