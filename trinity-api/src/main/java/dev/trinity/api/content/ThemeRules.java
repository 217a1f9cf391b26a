package dev.trinity.api.content;

import dev.trinity.api.internal.Checks;
import java.util.Objects;

/**
 * A theme's content rules, applied after the model's answer has passed validation: text case and
 * length limits. Text longer than a limit is cut at a word boundary and ends with {@code …}. URLs,
 * star counts and languages are never changed. Immutable; build with {@link #builder()}.
 *
 * <p>Which text each rule governs:
 *
 * <ul>
 *   <li>{@code headingCase}: {@code brand_name}, {@code hero.title} and every link label (menu
 *       items and buttons);
 *   <li>{@code textCase}: {@code tagline}, {@code hero.subtitle} and project descriptions;
 *   <li>{@code projectNameCase}: project names (they are identifiers, so only a theme that wants
 *       them restyled sets it);
 *   <li>the {@code max…} limits: the fields they name; {@code maxRepos} keeps the first projects in
 *       the answer's order.
 * </ul>
 *
 * @param headingCase case of headings and labels
 * @param textCase case of running text
 * @param projectNameCase case of project names
 * @param maxBrandNameLength longest brand name, 1 to {@link SiteContent#MAX_BRAND_NAME_LENGTH}
 * @param maxTaglineLength longest tagline, 1 to {@link SiteContent#MAX_TAGLINE_LENGTH}
 * @param maxHeroTitleLength longest hero title, 1 to {@link Hero#MAX_TITLE_LENGTH}
 * @param maxHeroSubtitleLength longest hero subtitle, 1 to {@link Hero#MAX_SUBTITLE_LENGTH}
 * @param maxDescriptionLength longest project description, 1 to {@link
 *     Project#MAX_DESCRIPTION_LENGTH}
 * @param maxRepos most projects shown, 1 to {@link SiteContent#MAX_REPOS}
 * @param maxTags most tags per project, 0 to {@link Project#MAX_TAGS}
 */
public record ThemeRules(
    TextCase headingCase,
    TextCase textCase,
    TextCase projectNameCase,
    int maxBrandNameLength,
    int maxTaglineLength,
    int maxHeroTitleLength,
    int maxHeroSubtitleLength,
    int maxDescriptionLength,
    int maxRepos,
    int maxTags) {

  private static final ThemeRules DEFAULTS = builder().build();

  /**
   * Validates every limit against the content schema's own.
   *
   * @throws IllegalArgumentException naming the first rule out of range
   */
  public ThemeRules {
    Objects.requireNonNull(headingCase, "headingCase");
    Objects.requireNonNull(textCase, "textCase");
    Objects.requireNonNull(projectNameCase, "projectNameCase");
    check("max_brand_name_length", maxBrandNameLength, 1, SiteContent.MAX_BRAND_NAME_LENGTH);
    check("max_tagline_length", maxTaglineLength, 1, SiteContent.MAX_TAGLINE_LENGTH);
    check("max_hero_title_length", maxHeroTitleLength, 1, Hero.MAX_TITLE_LENGTH);
    check("max_hero_subtitle_length", maxHeroSubtitleLength, 1, Hero.MAX_SUBTITLE_LENGTH);
    check("max_description_length", maxDescriptionLength, 1, Project.MAX_DESCRIPTION_LENGTH);
    check("max_repos", maxRepos, 1, SiteContent.MAX_REPOS);
    check("max_tags", maxTags, 0, Project.MAX_TAGS);
  }

  private static void check(String rule, int value, int min, int max) {
    Checks.requireRange(value, min, max, rule);
  }

  /**
   * No restyling: text as written, the schema's own limits.
   *
   * @return the default rules
   */
  public static ThemeRules ofDefaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from {@link #ofDefaults()}.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these rules.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.headingCase = headingCase;
    b.textCase = textCase;
    b.projectNameCase = projectNameCase;
    b.maxBrandNameLength = maxBrandNameLength;
    b.maxTaglineLength = maxTaglineLength;
    b.maxHeroTitleLength = maxHeroTitleLength;
    b.maxHeroSubtitleLength = maxHeroSubtitleLength;
    b.maxDescriptionLength = maxDescriptionLength;
    b.maxRepos = maxRepos;
    b.maxTags = maxTags;
    return b;
  }

  /** Builds {@link ThemeRules}; {@link #build()} validates. */
  public static final class Builder {
    private TextCase headingCase = TextCase.AS_IS;
    private TextCase textCase = TextCase.AS_IS;
    private TextCase projectNameCase = TextCase.AS_IS;
    private int maxBrandNameLength = SiteContent.MAX_BRAND_NAME_LENGTH;
    private int maxTaglineLength = SiteContent.MAX_TAGLINE_LENGTH;
    private int maxHeroTitleLength = Hero.MAX_TITLE_LENGTH;
    private int maxHeroSubtitleLength = Hero.MAX_SUBTITLE_LENGTH;
    private int maxDescriptionLength = Project.MAX_DESCRIPTION_LENGTH;
    private int maxRepos = SiteContent.MAX_REPOS;
    private int maxTags = Project.MAX_TAGS;

    private Builder() {}

    /**
     * Sets the case of headings and labels.
     *
     * @param headingCase the case
     * @return this builder
     */
    public Builder headingCase(TextCase headingCase) {
      this.headingCase = Objects.requireNonNull(headingCase, "headingCase");
      return this;
    }

    /**
     * Sets the case of running text.
     *
     * @param textCase the case
     * @return this builder
     */
    public Builder textCase(TextCase textCase) {
      this.textCase = Objects.requireNonNull(textCase, "textCase");
      return this;
    }

    /**
     * Sets the case of project names.
     *
     * @param projectNameCase the case
     * @return this builder
     */
    public Builder projectNameCase(TextCase projectNameCase) {
      this.projectNameCase = Objects.requireNonNull(projectNameCase, "projectNameCase");
      return this;
    }

    /**
     * Sets the longest brand name.
     *
     * @param max characters
     * @return this builder
     */
    public Builder maxBrandNameLength(int max) {
      this.maxBrandNameLength = max;
      return this;
    }

    /**
     * Sets the longest tagline.
     *
     * @param max characters
     * @return this builder
     */
    public Builder maxTaglineLength(int max) {
      this.maxTaglineLength = max;
      return this;
    }

    /**
     * Sets the longest hero title.
     *
     * @param max characters
     * @return this builder
     */
    public Builder maxHeroTitleLength(int max) {
      this.maxHeroTitleLength = max;
      return this;
    }

    /**
     * Sets the longest hero subtitle.
     *
     * @param max characters
     * @return this builder
     */
    public Builder maxHeroSubtitleLength(int max) {
      this.maxHeroSubtitleLength = max;
      return this;
    }

    /**
     * Sets the longest project description.
     *
     * @param max characters
     * @return this builder
     */
    public Builder maxDescriptionLength(int max) {
      this.maxDescriptionLength = max;
      return this;
    }

    /**
     * Sets the most projects shown.
     *
     * @param max projects
     * @return this builder
     */
    public Builder maxRepos(int max) {
      this.maxRepos = max;
      return this;
    }

    /**
     * Sets the most tags per project.
     *
     * @param max tags
     * @return this builder
     */
    public Builder maxTags(int max) {
      this.maxTags = max;
      return this;
    }

    /**
     * Builds the rules.
     *
     * @return the immutable rules
     * @throws IllegalArgumentException naming the first rule out of range
     */
    public ThemeRules build() {
      return new ThemeRules(
          headingCase,
          textCase,
          projectNameCase,
          maxBrandNameLength,
          maxTaglineLength,
          maxHeroTitleLength,
          maxHeroSubtitleLength,
          maxDescriptionLength,
          maxRepos,
          maxTags);
    }
  }
}
