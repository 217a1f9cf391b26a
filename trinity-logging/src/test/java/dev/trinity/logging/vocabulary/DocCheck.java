package dev.trinity.logging.vocabulary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the event and key tables of a document with {@code LogEvents} and with what the code
 * logs, and says what differs, naming the document's line.
 */
final class DocCheck {
  private final Vocabulary vocabulary;
  private final Map<String, Set<String>> keysLogged = new LinkedHashMap<>();
  private final Map<String, List<String>> loggedAt = new LinkedHashMap<>();

  /**
   * @param vocabulary the constants
   * @param logged every logging statement of the main sources
   */
  DocCheck(Vocabulary vocabulary, List<SourceScan.Logged> logged) {
    this.vocabulary = vocabulary;
    for (SourceScan.Logged l : logged) {
      keysLogged.computeIfAbsent(l.event(), e -> new TreeSet<>()).addAll(l.keys());
      loggedAt.computeIfAbsent(l.event(), e -> new ArrayList<>()).add(l.where());
    }
  }

  /** The keys each event is logged with, over all statements that log it. */
  Map<String, Set<String>> keysLogged() {
    return keysLogged;
  }

  /**
   * Checks an events table: each row names events (first column) and the keys they carry.
   *
   * @param doc how problems name the document
   * @param rows the table's rows
   * @param keyColumn the column that lists the keys
   * @param complete whether the table must list every event of {@code LogEvents}
   * @return the problems, empty when the table matches
   */
  List<String> events(String doc, List<DocTable.Row> rows, int keyColumn, boolean complete) {
    List<String> problems = new ArrayList<>();
    Set<String> documented = new HashSet<>();
    for (DocTable.Row row : rows) {
      String at = doc + ":" + row.line() + ": ";
      if (row.names(0).isEmpty()) {
        problems.add(at + "the row names no event in backticks");
      }
      Set<String> keys = new TreeSet<>();
      for (String key : row.names(keyColumn)) {
        if (vocabulary.keyConstant(key) == null) {
          problems.add(at + "`" + key + "` is not a key of LogEvents.Keys");
        }
        keys.add(key);
      }
      for (String event : row.names(0)) {
        if (vocabulary.eventConstant(event) == null) {
          problems.add(at + "`" + event + "` is not an event of LogEvents");
          continue;
        }
        if (!documented.add(event)) {
          problems.add(at + "`" + event + "` is documented twice");
        }
        Set<String> logged = keysLogged.get(event);
        if (logged == null) {
          problems.add(at + "`" + event + "` is logged nowhere in the main sources");
          continue;
        }
        Set<String> missing = new TreeSet<>(logged);
        missing.removeAll(keys);
        Set<String> extra = new TreeSet<>(keys);
        extra.removeAll(logged);
        if (!missing.isEmpty() || !extra.isEmpty()) {
          problems.add(
              at
                  + "`"
                  + event
                  + "` is documented with keys "
                  + keys
                  + " but logged with "
                  + logged
                  + " (at "
                  + String.join(", ", loggedAt.get(event))
                  + ")");
        }
      }
    }
    if (complete) {
      vocabulary
          .events()
          .forEach(
              (constant, event) -> {
                if (!documented.contains(event)) {
                  problems.add(
                      doc + ": LogEvents." + constant + " (`" + event + "`) is documented nowhere");
                }
              });
    }
    return problems;
  }

  /**
   * Checks a key table: its first column names every key of {@code LogEvents.Keys}, once, and
   * nothing else.
   *
   * @param doc how problems name the document
   * @param rows the table's rows
   * @return the problems, empty when the table matches
   */
  List<String> keys(String doc, List<DocTable.Row> rows) {
    List<String> problems = new ArrayList<>();
    Set<String> documented = new LinkedHashSet<>();
    for (DocTable.Row row : rows) {
      String at = doc + ":" + row.line() + ": ";
      if (row.names(0).isEmpty()) {
        problems.add(at + "the row names no key in backticks");
      }
      for (String key : row.names(0)) {
        if (vocabulary.keyConstant(key) == null) {
          problems.add(at + "`" + key + "` is not a key of LogEvents.Keys");
        } else if (!documented.add(key)) {
          problems.add(at + "`" + key + "` is documented twice");
        }
      }
    }
    vocabulary
        .keys()
        .forEach(
            (constant, key) -> {
              if (!documented.contains(key)) {
                problems.add(
                    doc
                        + ": LogEvents.Keys."
                        + constant
                        + " (`"
                        + key
                        + "`) is documented nowhere");
              }
            });
    return problems;
  }
}
