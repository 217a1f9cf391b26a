package dev.trinity.core.content.internal.offline;

import dev.trinity.core.content.internal.offline.Block.Kind;
import dev.trinity.core.content.internal.offline.Labels.Section;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the portfolio owner's name for the brand: a level-1 heading, a greeting ("Hi, I'm …",
 * "Ciao, sono …"), a {@code Name:} line, or a short first line. Document titles ("Lebenslauf",
 * "Curriculum Vitae", "About me", …) and anything holding personal data are never names.
 */
final class Names {
  private static final Pattern GREETING =
      Pattern.compile(
          "(?iu)^(?:[^,!.:]{1,24}?\\s*[/|·]\\s*)?(?:hi|hello|hey|howdy|hallo|servus|moin|ciao|salve|buongiorno|bonjour|salut|"
              + "hola|buenas)(?:\\s+(?:there|everyone|all|folks|zusammen|a tutti|tutti|à tous|"
              + "tout le monde|a todos|amigos))?\\s*[,!.]*\\s*(?:i'?m|i am|this is|my name is|"
              + "ich bin|ich heiße|ich heisse|mein name ist|sono|io sono|mi chiamo|je suis|"
              + "je m'appelle|moi c'est|soy|me llamo|mi nombre es)\\s+(.+)$");
  private static final Pattern NAME_HERE =
      Pattern.compile(
          "(?u)^(?:[Hh]i|[Hh]ey|[Hh]ello|[Hh]allo|[Cc]iao|[Ss]alut|[Hh]ola)[,!.]?\\s+"
              + "(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+)?)\\s+(?:here|hier|qui|ici|aquí)\\b.*");
  private static final Pattern NAME_LABEL =
      Pattern.compile(
          "(?iu)^(?:name|full name|vor- und nachname|nome(?: e cognome)?|nom(?: complet)?|"
              + "nombre(?: completo)?)\\s*:\\s*(.+)$");
  private static final Pattern SEPARATOR =
      Pattern.compile("\\s+(?:—|–|-|\\||·|•)\\s+|:\\s+|,\\s+|\\s*[!]+\\s*");

  private Names() {}

  static @Nullable String brand(List<Block> blocks) {
    for (Block b : blocks) {
      if (b.kind() == Kind.HEADING && b.level() == 1) {
        String name = nameOf(b.text());
        if (name != null) {
          return name;
        }
      }
    }
    int seen = 0;
    for (Block b : blocks) {
      if (b.kind() == Kind.BLANK || b.kind() == Kind.TABLE) {
        continue;
      }
      if (++seen > 12) {
        break;
      }
      String t = Text.withoutEmoji(b.text()).replace('’', '\'');
      Matcher greeting = GREETING.matcher(t);
      if (greeting.matches()) {
        String name = nameOf(greeting.group(1));
        if (name != null) {
          return name;
        }
      }
      Matcher here = NAME_HERE.matcher(t);
      if (here.matches()) {
        String name = nameOf(here.group(1));
        if (name != null) {
          return name;
        }
      }
      Matcher label = NAME_LABEL.matcher(t);
      if (label.matches()) {
        String name = nameOf(label.group(1));
        if (name != null) {
          return name;
        }
      }
    }
    seen = 0;
    for (Block b : blocks) {
      if (b.kind() == Kind.BLANK) {
        continue;
      }
      if (++seen > 6 || b.kind() == Kind.HEADING && Labels.section(b.text()) != Section.NONE) {
        break;
      }
      String t = Text.withoutEmoji(b.text());
      if (Labels.isDocumentTitle(t)) {
        continue;
      }
      boolean plausible =
          (b.kind() == Kind.LINE || b.kind() == Kind.HEADING)
              && t.length() <= 60
              && t.split("\\s+").length <= 6
              && !t.contains("://")
              && !t.contains(":")
              && t.codePoints().filter(Character::isLetter).count() >= 2;
      if (!plausible) {
        return null;
      }
      return nameOf(t);
    }
    return null;
  }

  /** The name in a heading or line, or null when it holds none. */
  static @Nullable String nameOf(String text) {
    String t = Text.withoutEmoji(Text.plain(text)).replace('’', '\'');
    Matcher greeting = GREETING.matcher(t);
    if (greeting.matches()) {
      t = greeting.group(1);
    }
    for (String part : SEPARATOR.split(t)) {
      String p = part.replaceAll("[^\\p{L}\\p{N})]+$", "").replaceAll("^[^\\p{L}\\p{N}(]+", "");
      if (!Text.hasWord(p) || Labels.isDocumentTitle(p)) {
        continue;
      }
      if (p.length() > 60 || p.contains("@") || p.contains("://") || PersonalData.in(p, true)) {
        return null;
      }
      return Text.unshout(p.strip());
    }
    return null;
  }
}
