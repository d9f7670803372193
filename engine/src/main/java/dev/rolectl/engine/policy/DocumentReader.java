package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a whole policy document tree. */
final class DocumentReader {
  static final List<String> KEYS = List.of("Version", "Id", "Statement");
  static final List<String> VERSIONS = List.of(PolicyDocument.CURRENT_VERSION, "2008-10-17");

  private DocumentReader() {}

  static PolicyParse read(Object tree) {
    TreeReader r = new TreeReader();
    PolicyDocument doc = document(tree, r);
    return new PolicyParse(
        r.count() == 0 ? Optional.ofNullable(doc) : Optional.empty(), r.problems());
  }

  private static PolicyDocument document(Object tree, TreeReader r) {
    if (tree == null) {
      r.problem("", "the policy document is empty: give an object with Version: \"2012-10-17\" "
          + "and Statement");
      return null;
    }
    if (!(tree instanceof Map<?, ?> m)) {
      r.problem("", "a policy document must be an object with Version and Statement, not "
          + Describe.value(tree));
      return null;
    }
    for (Object k : m.keySet()) {
      String key = String.valueOf(k);
      if (!KEYS.contains(key)) {
        r.problem(TreeReader.child("", key), Describe.unknownKey(key, "a policy document", KEYS));
      }
    }
    String version = m.containsKey("Version") ? version(m.get("Version"), r) : null;
    String id = null;
    if (m.containsKey("Id")) {
      if (m.get("Id") instanceof String s) {
        id = s;
      } else {
        r.problem("/Id", "Id must be a string, not " + Describe.value(m.get("Id")));
      }
    }
    List<Statement> statements = statements(m, r);
    return new PolicyDocument(version, id, statements);
  }

  private static String version(Object v, TreeReader r) {
    String s = v instanceof String str ? str : dateString(v);
    if (s != null && VERSIONS.contains(s)) {
      return s;
    }
    r.problem("/Version", "Version must be \"2012-10-17\" (or the legacy \"2008-10-17\"), not "
        + Describe.value(v) + ": write Version: \"2012-10-17\"");
    return null;
  }

  /** YAML parsers may turn an unquoted 2012-10-17 into a date; accept it as written. */
  private static String dateString(Object v) {
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    if (v instanceof Date d) {
      var utc = d.toInstant().atOffset(ZoneOffset.UTC);
      return utc.toLocalTime().toSecondOfDay() == 0 ? utc.toLocalDate().toString() : null;
    }
    return null;
  }

  private static List<Statement> statements(Map<?, ?> m, TreeReader r) {
    if (!m.containsKey("Statement")) {
      r.problem("", "the policy document has no Statement: add Statement with at least one "
          + "statement");
      return List.of();
    }
    Object s = m.get("Statement");
    StatementReader reader = new StatementReader(r);
    List<Statement> out = new ArrayList<>();
    if (s instanceof Map<?, ?>) {
      add(out, reader.read(s, "/Statement"));
    } else if (s instanceof List<?> list) {
      if (list.isEmpty()) {
        r.problem("/Statement", "Statement must not be an empty list: add at least one statement");
      }
      for (int i = 0; i < list.size(); i++) {
        add(out, reader.read(list.get(i), TreeReader.child("/Statement", i)));
      }
    } else {
      r.problem("/Statement", "Statement must be a statement object or a list of them, not "
          + Describe.value(s));
    }
    return out;
  }

  private static void add(List<Statement> out, Statement s) {
    if (s != null) {
      out.add(s);
    }
  }
}
