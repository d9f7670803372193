package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Turns SnakeYAML's exceptions into one-line diagnostics at the problem's position, without
 * SnakeYAML's source snippet, and with a hint on how to fix the usual mistakes.
 */
final class YamlErrors {
  static final String RULE = "yaml-syntax";

  private YamlErrors() {}

  static Diagnostic toDiagnostic(String file, YAMLException e) {
    if (e instanceof MarkedYAMLException m) {
      Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
      Location at = mark != null ? location(file, mark) : Location.startOf(file);
      return Diagnostic.error(RULE, at, message(file, m));
    }
    String raw = String.valueOf(e.getMessage());
    if (raw.startsWith("Number of aliases for non-scalar nodes exceeds")) {
      return Diagnostic.error(RULE, Location.startOf(file), tooManyAliases());
    }
    if (raw.startsWith("Nesting Depth exceeded")) {
      return Diagnostic.error(RULE, Location.startOf(file), tooDeep());
    }
    if (raw.contains("exceeds the limit")) {
      return Diagnostic.error(
          "yaml-file",
          Location.startOf(file),
          "file has more than " + YamlReader.MAX_CODE_POINTS + " characters of text; stack files"
              + " are limited to 3 MB: split the stack into several files in a directory");
    }
    return Diagnostic.error(
        RULE, Location.startOf(file), "cannot read YAML: " + firstLine(raw) + "; check the file");
  }

  static Location location(String file, Mark mark) {
    return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String message(String file, MarkedYAMLException m) {
    String problem = firstLine(String.valueOf(m.getProblem()));
    String context = m.getContext() == null ? "" : firstLine(m.getContext());
    Mark contextMark = m.getContextMark();
    String where =
        contextMark == null || m.getProblemMark() == null || context.isEmpty()
            ? ""
            : " (" + context + " that starts at " + location(file, contextMark).line() + ":"
                + location(file, contextMark).column() + ")";
    if (problem.contains("\\t(TAB)") || problem.contains("\t")) {
      return "YAML indentation must use spaces, not tabs: replace the tab here with spaces";
    }
    if (problem.startsWith("Global tag is not allowed")) {
      String tag = problem.substring(problem.indexOf(':') + 1).trim();
      return "YAML tag '"
          + shortTag(tag)
          + "' is not allowed: stack files are plain data and never create objects; remove the tag";
    }
    if (problem.startsWith("Number of aliases for non-scalar nodes exceeds")) {
      return tooManyAliases();
    }
    if (problem.startsWith("Nesting Depth exceeded")) {
      return tooDeep();
    }
    if (problem.startsWith("found undefined alias")) {
      String name = problem.substring("found undefined alias".length()).trim();
      return "alias *" + name + " refers to no anchor: define &" + name + " before using it";
    }
    if (problem.equals("mapping values are not allowed here")) {
      return "a ':' cannot appear here: quote the value if it contains ': ', or fix the"
          + " indentation of this key";
    }
    if (problem.startsWith("found unexpected end of stream") && context.contains("quoted")) {
      return "a quoted string is not closed" + where + ": add the closing quote";
    }
    if (problem.startsWith("expected <block end>")) {
      return "unexpected indentation or item here" + where + ": keys of one mapping and items of"
          + " one list must start at the same column";
    }
    if (problem.startsWith("expected ',' or ']'") || problem.startsWith("expected ',' or '}'")
        || context.startsWith("while parsing a flow")) {
      return "a flow collection is not closed" + where + ": add the closing bracket or a comma";
    }
    if (problem.startsWith("could not find expected ':'")) {
      return "a key needs ':' after it" + where + ": write 'key: value', or quote a plain text"
          + " line that contains ': '";
    }
    if (problem.contains("that cannot start any token")) {
      return "invalid YAML: " + problem + where + "; quote the value if it starts with this"
          + " character";
    }
    return "invalid YAML: " + problem + where + "; fix the YAML syntax here";
  }

  private static String tooManyAliases() {
    return "too many aliases: more than " + YamlReader.MAX_ALIASES + " *alias uses of lists or"
        + " mappings (an alias bomb?); write the repeated parts out or use fewer aliases";
  }

  private static String tooDeep() {
    return "YAML nesting is deeper than " + YamlReader.MAX_NESTING + " levels; a stack file is"
        + " never that deep: check the indentation and brackets";
  }

  private static String shortTag(String tag) {
    return tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : tag;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
