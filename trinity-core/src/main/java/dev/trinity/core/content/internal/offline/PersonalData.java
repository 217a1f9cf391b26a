package dev.trinity.core.content.internal.offline;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds personal data that must never reach a page's copy: e-mail addresses, phone numbers, street
 * addresses and dates of birth, in the ways English, German, Italian, French and Spanish résumés
 * write them.
 */
final class PersonalData {
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?i)[\\p{L}0-9._%+-]{1,64}+@[\\p{L}0-9-]{1,63}+(?:\\.[\\p{L}0-9-]{1,63}+){0,6}\\.[a-z]{2,24}\\b");
  private static final Pattern OBFUSCATED_EMAIL =
      Pattern.compile(
          "(?i)[\\p{L}0-9._%+-]{1,64}+\\s{0,3}+(?:\\[at]|\\(at\\)|\\{at})\\s{0,3}[\\p{L}0-9-]{1,63}"
              + "(?:\\s{0,3}(?:\\.|\\[dot]|\\(dot\\))\\s{0,3}[\\p{L}0-9-]{1,63}){1,6}");
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\w.+/])(?:\\+\\d{1,3}[\\s./-]?(?:\\(0?\\d{1,4}\\)[\\s./-]?)?\\d{1,5}"
              + "(?:[\\s./-]\\d{1,5}){1,5}"
              + "|\\(?0\\d{1,5}\\)?[\\s./-]?\\d{2,5}(?:[\\s./-]\\d{2,5}){0,3}"
              + "|\\(\\d{3}\\)\\s?\\d{3}[-.\\s]\\d{4}"
              + "|\\d{3}[-.]\\d{3}[-.]\\d{4})(?![\\w.]?\\d)");
  private static final Pattern PHONE_LABEL =
      Pattern.compile(
          "(?iu)\\b(?:tel|phone|mobile|mobil|handy|telefon|cell|cellulare|telefono|"
              + "téléphone|teléfono|móvil|portable|whatsapp)\\b\\.?\\s*[:.]?\\s*\\+?\\(?\\d");
  private static final Pattern STREET =
      Pattern.compile(
          "(?u)(?:\\b\\p{Lu}[\\p{L}-]{0,40}(?:straße|strasse|str\\.|weg|allee|platz|gasse|ring|damm|ufer)"
              + "|\\b(?:Straße|Strasse|Allee|Platz|Gasse|Ring|Damm))\\s*\\d{1,4}\\s?[a-z]?\\b"
              + "|\\b(?:Via|Viale|Piazza|Piazzale|Corso|Vicolo|Largo|Rue|Avenue|Boulevard|Impasse|"
              + "Allée|Chemin|Calle|Avenida|Avda\\.?|Plaza|Paseo|Carrer|C/)\\s*"
              + "(?:(?:de|del|della|dei|degli|di|la|le|les|des|du|d'|l'|los|las)\\s*)*"
              + "\\p{Lu}[\\p{L}'.-]{0,30}(?:\\s{1,3}\\p{Lu}[\\p{L}'.-]{0,30}){0,3},?\\s{0,3}"
              + "(?:n\\.?\\s?[º°]?\\s?)?"
              + "\\d{1,4}\\b"
              + "|(?i:\\b\\d{1,4}(?:\\s?bis|\\s?ter)?,?\\s+(?:rue|avenue|boulevard|bd|impasse|"
              + "allée|chemin|place)\\s{1,3}\\p{L}{1,40})"
              + "|\\b\\d{1,5}[A-Za-z]?\\s{1,3}(?:\\p{Lu}[\\p{L}.'-]{0,30}\\s{1,3}){1,3}(?:Street|St\\.|Road|Rd\\.?|Avenue"
              + "|Ave\\.?|Lane|Ln\\.|Boulevard|Blvd\\.?|Drive|Dr\\.|Court|Ct\\.|Place|Terrace|Way)"
              + "(?=[\\s,.]|$)");
  private static final Pattern POSTCODE_CITY =
      Pattern.compile(
          "(?u)(?:^|,\\s{0,3}|\\|\\s{0,3}|·\\s{0,3})(?:[A-Z]-)?\\d{5}\\s{1,3}\\p{Lu}\\p{Ll}{1,30}(?:[ -]\\p{Lu}\\p{Ll}{1,30})?"
              + "(?=\\s*(?:$|[,|·(]))");
  private static final Pattern BIRTH =
      Pattern.compile(
          "(?iu)\\b(?:date of birth|d\\.?o\\.?b\\.?|born|birthday|geboren|geb\\.|geburtsdatum|"
              + "geburtstag|data di nascita|nato il|nata il|nato a|nata a|né le|née le|né à|née à|"
              + "date de naissance|fecha de nacimiento|nacido el|nacida el|nacimiento)"
              + "\\s*[:.,]?\\s*(?:am|on|le|el|il|the|in)?\\s*\\d");
  private static final Pattern FULL_DATE =
      Pattern.compile(
          "(?u)\\b(?:\\d{1,2}[./-]\\d{1,2}[./-](?:19|20)\\d{2}|(?:19|20)\\d{2}-\\d{2}-\\d{2}|"
              + "\\d{1,2}\\.?\\s+(?:jan|feb|mär|mar|apr|ma[iy]|mag|mai|jun|giu|juin|jul|lug|juil|"
              + "aug|ago|aoû|sep|set|okt|oct|ott|nov|dez|dec|dic|déc|ene|gen|janv|févr|fev)"
              + "\\p{L}*\\.?\\s+(?:19|20)\\d{2})\\b");

  private static final Pattern OBFUSCATED_AT = Pattern.compile("(?i)[\\[({]at[\\])}]");
  private static final List<Pattern> DIGITS = List.of(PHONE_LABEL, STREET, POSTCODE_CITY, BIRTH);

  /** Longest text checked in one piece; longer text is checked in overlapping windows. */
  private static final int MAX_CHECKED = 2000;

  private PersonalData() {}

  /**
   * Whether the text holds personal data.
   *
   * @param text the text
   * @param strict also treat any full date as a date of birth (for names, taglines, hero copy)
   */
  static boolean in(String text, boolean strict) {
    if (text.length() > MAX_CHECKED) {
      // long text: check it a line at a time, so a pathological input stays linear
      for (String line : text.split("\n")) {
        for (int i = 0; i < line.length(); i += MAX_CHECKED / 2) {
          if (in(line.substring(i, Math.min(line.length(), i + MAX_CHECKED)), strict)) {
            return true;
          }
        }
      }
      return false;
    }
    // every kind needs an @, an "at" or a digit: text without them is skipped cheaply
    boolean at = text.indexOf('@') >= 0;
    boolean obfuscated = !at && OBFUSCATED_AT.matcher(text).find();
    boolean digit = text.chars().anyMatch(Character::isDigit);
    if ((at && EMAIL.matcher(text).find())
        || (obfuscated && OBFUSCATED_EMAIL.matcher(text).find())) {
      return true;
    }
    if (!digit) {
      return false;
    }
    for (Pattern p : DIGITS) {
      if (p.matcher(text).find()) {
        return true;
      }
    }
    if (phone(text)) {
      return true;
    }
    return strict && FULL_DATE.matcher(text).find();
  }

  /** A phone-number-shaped run with at least seven digits (so years and versions are not). */
  private static boolean phone(String text) {
    Matcher m = PHONE.matcher(text);
    while (m.find()) {
      if (m.group().chars().filter(Character::isDigit).count() >= 7
          && !FULL_DATE.matcher(m.group()).find()) {
        return true;
      }
    }
    return false;
  }

  /** What kind of personal data the text holds, or null; for messages and tests. */
  static @Nullable String kind(String text, boolean strict) {
    if (EMAIL.matcher(text).find() || OBFUSCATED_EMAIL.matcher(text).find()) {
      return "e-mail address";
    }
    if (phone(text) || PHONE_LABEL.matcher(text).find()) {
      return "phone number";
    }
    if (STREET.matcher(text).find() || POSTCODE_CITY.matcher(text).find()) {
      return "street address";
    }
    if (BIRTH.matcher(text).find() || (strict && FULL_DATE.matcher(text).find())) {
      return "date of birth";
    }
    return null;
  }

  /**
   * The text without the sentences and separated parts ({@code a | b · c}) that hold personal data.
   */
  static String scrub(String text, boolean strict) {
    if (!in(text, strict)) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    for (String sentence : text.split("(?<=[.!?])\\s+(?=\\p{Lu}|\\d)|\\s+[|·•]\\s+|\\s*\\n\\s*")) {
      if (!sentence.isBlank() && !in(sentence, strict)) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(sentence.strip());
      }
    }
    return out.toString();
  }
}
