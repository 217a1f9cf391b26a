package dev.trinity.logging.vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the log calls of Java sources: which event each logging statement sets as its message, with
 * the keys it adds, and every event name or key that is not named by a {@code LogEvents} constant.
 *
 * <p>Recognised: SLF4J fluent statements ({@code setMessage}, {@code addKeyValue}), plain logger
 * calls whose message looks like an event name ({@code log.warn("cache_miss")}), {@code MDC} keys
 * and logstash {@code StructuredArguments}. A constant counts when it is written {@code
 * LogEvents.NAME}, {@code Keys.NAME}, {@code LogEvents.Keys.NAME}, statically imported from them,
 * or is a {@code static final String} of the same file set to one of those.
 */
final class SourceScan {
  /** A place in the sources and what is wrong there. */
  record Finding(String where, String problem) {
    @Override
    public String toString() {
      return where + ": " + problem;
    }
  }

  /** One statement that logs an event, with the keys it adds. */
  record Logged(String event, Set<String> keys, String where) {}

  private enum Kind {
    EVENT("LogEvents", "an event name"),
    KEY("LogEvents.Keys", "a key");

    final String holder;
    final String noun;

    Kind(String holder, String noun) {
      this.holder = holder;
      this.noun = noun;
    }
  }

  private static final String PACKAGE_NAME = "dev.trinity.logging";
  private static final String LOG_EVENTS = PACKAGE_NAME + ".LogEvents";
  private static final String KEYS = LOG_EVENTS + ".Keys";

  private static final Pattern SET_MESSAGE = Pattern.compile("\\.\\s*setMessage\\s*\\(");
  private static final Pattern ADD_KEY_VALUE = Pattern.compile("\\.\\s*addKeyValue\\s*\\(");
  private static final Pattern MDC_CALL =
      Pattern.compile("\\bMDC\\s*\\.\\s*(?:put|get|remove)\\s*\\(");
  private static final Pattern STRUCTURED_ARGUMENT =
      Pattern.compile("(?<![\\w$.])(?:StructuredArguments\\s*\\.\\s*)?(?:kv|keyValue)\\s*\\(");
  private static final Pattern PLAIN_LOG =
      Pattern.compile(
          "\\b(?i:\\w*log(?:ger)?)\\s*\\.\\s*(?:trace|debug|info|warn|error)\\s*\\("
              + "|\\.\\s*log\\s*\\(");
  private static final Pattern KEY_REFERENCE =
      Pattern.compile("\\bKeys\\s*\\.\\s*([A-Z][A-Z0-9_]*)\\b");
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*");
  private static final Pattern EVENT_LIKE = Pattern.compile("[a-z][a-z0-9]*(?:_[a-z0-9]+)*");
  private static final Pattern IMPORT =
      Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
  private static final Pattern ALIAS =
      Pattern.compile("\\bstatic\\s+final\\s+String\\s+(\\w+)\\s*=\\s*([\\w.]+)\\s*;");

  private final Vocabulary vocabulary;
  private final List<Finding> findings = new ArrayList<>();
  private final List<Logged> logged = new ArrayList<>();
  private final Set<String> usedKeys = new TreeSet<>();

  SourceScan(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /**
   * Scans one source file.
   *
   * @param path how findings name the file (a path from the project root)
   * @param source the file's text
   */
  void scan(String path, String source) {
    new FileScan(path, new JavaText(source)).run();
  }

  /** Everything wrong so far, in the order found. */
  List<Finding> findings() {
    return findings;
  }

  /** Every logging statement found so far that names its event with a constant. */
  List<Logged> logged() {
    return logged;
  }

  /** Every key a constant of which the scanned sources mention, logged or not. */
  Set<String> usedKeys() {
    return usedKeys;
  }

  /** The scan of one file. */
  private final class FileScan {
    private final String path;
    private final JavaText text;
    private final String code;
    private final String packageName;
    private final Set<String> imports = new HashSet<>();
    private final Set<String> staticImports = new HashSet<>();
    private final Map<String, String> aliases = new HashMap<>();

    FileScan(String path, JavaText text) {
      this.path = path;
      this.text = text;
      this.code = text.code();
      Matcher p = PACKAGE.matcher(code);
      this.packageName = p.find() ? p.group(1) : "";
      Matcher m = IMPORT.matcher(code);
      while (m.find()) {
        (m.group(1) == null ? imports : staticImports).add(m.group(2));
      }
    }

    void run() {
      findAliases();
      Set<Integer> keysInStatements = new HashSet<>();
      Matcher message = SET_MESSAGE.matcher(code);
      while (message.find()) {
        String event = resolve(message.end(), Kind.EVENT, "setMessage");
        int from = statementStart(message.start());
        int to = statementEnd(message.start());
        Set<String> keys = new LinkedHashSet<>();
        Matcher kv = ADD_KEY_VALUE.matcher(code).region(from, to);
        while (kv.find()) {
          keysInStatements.add(kv.start());
          String key = resolve(kv.end(), Kind.KEY, "addKeyValue");
          if (key != null) {
            keys.add(key);
          }
        }
        if (event != null) {
          logged.add(new Logged(event, keys, where(message.start())));
        }
      }
      Matcher kv = ADD_KEY_VALUE.matcher(code);
      while (kv.find()) {
        if (!keysInStatements.contains(kv.start())) {
          resolve(kv.end(), Kind.KEY, "addKeyValue");
          findings.add(
              new Finding(
                  where(kv.start()),
                  "addKeyValue(…) outside a statement that sets a LogEvents message; log each"
                      + " event in one statement, from at…() to log(), so its keys can be checked"));
        }
      }
      checkAll(MDC_CALL, Kind.KEY);
      if (imports.stream().anyMatch(i -> i.startsWith("net.logstash.logback.argument."))
          || staticImports.stream()
              .anyMatch(i -> i.startsWith("net.logstash.logback.argument.StructuredArguments"))) {
        checkAll(STRUCTURED_ARGUMENT, Kind.KEY);
      }
      checkPlainLogCalls();
      Matcher ref = KEY_REFERENCE.matcher(code);
      while (ref.find()) {
        String key = vocabulary.keys().get(ref.group(1));
        if (key != null) {
          usedKeys.add(key);
        }
      }
    }

    private void findAliases() {
      Matcher m = ALIAS.matcher(code);
      while (m.find()) {
        String name = m.group(2);
        for (Kind kind : Kind.values()) {
          String value = constant(name, kind);
          if (value != null) {
            aliases.put(kind + ":" + m.group(1), value);
          }
        }
      }
    }

    private void checkAll(Pattern call, Kind kind) {
      Matcher m = call.matcher(code);
      while (m.find()) {
        resolve(m.end(), kind, label(m));
      }
    }

    /** How a finding names the call: its text up to the parenthesis, such as {@code MDC.put}. */
    private String label(Matcher call) {
      String text = call.group().replaceAll("\\s", "");
      return text.substring(text.startsWith(".") ? 1 : 0, text.length() - 1);
    }

    /** Plain logger calls: a message that looks like an event name must be a constant. */
    private void checkPlainLogCalls() {
      Matcher m = PLAIN_LOG.matcher(code);
      while (m.find()) {
        int[] arg = firstArgument(m.end());
        String written = text.source().substring(arg[0], arg[1]).trim();
        if (written.startsWith("\"") && written.endsWith("\"") && written.length() >= 2) {
          String value = written.substring(1, written.length() - 1);
          if (EVENT_LIKE.matcher(value).matches()) {
            findings.add(
                new Finding(where(m.start()), literalProblem(label(m), value, arg, Kind.EVENT)));
          }
        } else if (NAME.matcher(written).matches()) {
          String event = constant(written.replaceAll("\\s", ""), Kind.EVENT);
          if (event != null) {
            logged.add(new Logged(event, Set.of(), where(m.start())));
          }
        }
      }
    }

    /**
     * The name or key the first argument of a call names, or null after recording why not.
     *
     * @param open the offset just after the call's opening parenthesis
     */
    private String resolve(int open, Kind kind, String call) {
      int[] arg = firstArgument(open);
      String written = text.source().substring(arg[0], arg[1]).trim();
      String where = where(arg[0]);
      if (written.startsWith("\"")) {
        String value =
            written.endsWith("\"") ? written.substring(1, written.length() - 1) : written;
        findings.add(new Finding(where, literalProblem(call, value, arg, kind)));
        return null;
      }
      String name = written.replaceAll("\\s", "");
      String value = NAME.matcher(written).matches() ? constant(name, kind) : null;
      if (value == null) {
        findings.add(
            new Finding(
                where,
                call
                    + "("
                    + written
                    + more(arg)
                    + "): not a "
                    + kind.holder
                    + " constant; name the "
                    + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " with one"));
      }
      return value;
    }

    private String literalProblem(String call, String value, int[] arg, Kind kind) {
      String constant =
          kind == Kind.EVENT ? vocabulary.eventConstant(value) : vocabulary.keyConstant(value);
      return call
          + "(\""
          + value
          + "\""
          + more(arg)
          + "): "
          + kind.noun
          + " written as a string literal; "
          + (constant == null
              ? "add it to " + kind.holder + " and docs/logging.md, and use the constant"
              : "use " + kind.holder + "." + constant);
    }

    /** The value of a constant reference, or null when it is not one of the vocabulary's. */
    private String constant(String name, Kind kind) {
      int dot = name.lastIndexOf('.');
      String qualifier = dot < 0 ? "" : name.substring(0, dot);
      String simple = name.substring(dot + 1);
      Map<String, String> constants = kind == Kind.EVENT ? vocabulary.events() : vocabulary.keys();
      if (!constants.containsKey(simple)) {
        return dot < 0 ? aliases.get(kind + ":" + simple) : null;
      }
      String holder = kind == Kind.EVENT ? LOG_EVENTS : KEYS;
      boolean seesLogEvents =
          packageName.equals(PACKAGE_NAME)
              || imports.contains(LOG_EVENTS)
              || imports.contains(PACKAGE_NAME + ".*");
      boolean named =
          switch (qualifier) {
            case "" ->
                staticImports.contains(holder + "." + simple)
                    || staticImports.contains(holder + ".*");
            case "LogEvents" -> kind == Kind.EVENT && seesLogEvents;
            case "LogEvents.Keys" -> kind == Kind.KEY && seesLogEvents;
            case "Keys" ->
                kind == Kind.KEY && (imports.contains(KEYS) || imports.contains(LOG_EVENTS + ".*"));
            default -> qualifier.equals(holder);
          };
      return named ? constants.get(simple) : null;
    }

    /** {@code ", …"} when more arguments follow the first, else nothing. */
    private String more(int[] arg) {
      return arg[1] < code.length() && code.charAt(arg[1]) == ',' ? ", …" : "";
    }

    /** Start and end offsets of the argument list's first argument. */
    private int[] firstArgument(int open) {
      int depth = 0;
      int i = open;
      for (; i < code.length(); i++) {
        char c = code.charAt(i);
        if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if (c == ')' || c == ']' || c == '}') {
          if (depth == 0) {
            break;
          }
          depth--;
        } else if (c == ',' && depth == 0) {
          break;
        }
      }
      return new int[] {open, i};
    }

    /** The offset after the end of the statement before this one (or an enclosing bracket). */
    private int statementStart(int at) {
      int depth = 0;
      for (int i = at - 1; i >= 0; i--) {
        char c = code.charAt(i);
        if (c == ')' || c == ']') {
          depth++;
        } else if (c == '(' || c == '[') {
          if (depth == 0) {
            return i + 1;
          }
          depth--;
        } else if (depth == 0 && (c == ';' || c == '{' || c == '}')) {
          return i + 1;
        }
      }
      return 0;
    }

    /** The offset of the semicolon (or enclosing bracket) that ends this statement. */
    private int statementEnd(int at) {
      int depth = 0;
      for (int i = at; i < code.length(); i++) {
        char c = code.charAt(i);
        if (c == '(' || c == '[') {
          depth++;
        } else if (c == ')' || c == ']') {
          depth--;
          if (depth < 0) {
            return i;
          }
        } else if (depth == 0 && (c == ';' || c == '{' || c == '}')) {
          return i;
        }
      }
      return code.length();
    }

    private String where(int offset) {
      return path + ":" + text.lineOf(offset);
    }
  }
}
