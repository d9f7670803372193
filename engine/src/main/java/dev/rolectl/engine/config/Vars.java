package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The values of {@code ${var.NAME}}: from {@code --var-file} YAML files ({@code NAME: value}, a
 * later file wins over an earlier one) and {@code --var NAME=VALUE} (wins over every file).
 */
final class Vars {
  static final String RULE = "var";
  static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private Vars() {}

  /** The variables by name, and problems found in the var files. */
  record Loaded(Map<String, String> values, List<Diagnostic> diagnostics) {}

  static Loaded load(Map<String, String> cliVars, List<Path> varFiles) {
    Map<String, String> values = new LinkedHashMap<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Path path : varFiles) {
      String file = path.toString();
      YamlReader.Read read = YamlReader.read(path, file);
      diagnostics.addAll(read.diagnostics());
      if (read.root().isEmpty()) {
        continue;
      }
      if (!(read.root().get() instanceof YamlValue.Mapping m)) {
        diagnostics.add(Diagnostic.error(RULE, read.root().get().location(),
            "a var file must be a mapping of NAME: value lines, but this is "
                + YamlValue.describe(read.root().get())));
        continue;
      }
      for (YamlValue.Entry e : m.entries()) {
        entry(e, values, diagnostics);
      }
    }
    values.putAll(cliVars);
    return new Loaded(values, diagnostics);
  }

  private static void entry(YamlValue.Entry e, Map<String, String> values, List<Diagnostic> out) {
    if (!NAME.matcher(e.key()).matches()) {
      out.add(Diagnostic.error(RULE, e.keyLocation(), "'" + e.key() + "' is not a valid variable"
          + " name: use letters, digits, '_' and '-', starting with a letter or '_'"));
      return;
    }
    Location at = e.value().location();
    // A variable with an error is still defined (as ""), so its uses are not reported again.
    values.put(e.key(), "");
    if (!(e.value() instanceof YamlValue.Scalar s)) {
      out.add(Diagnostic.error(RULE, at, "variable '" + e.key() + "' is "
          + YamlValue.describe(e.value()) + "; a variable is a single value (text, number or"
          + " boolean)"));
    } else if (s.kind() == YamlValue.Kind.NULL) {
      out.add(Diagnostic.error(RULE, at, "variable '" + e.key() + "' has no value; write "
          + e.key() + ": \"\" for an empty value"));
    } else {
      values.put(e.key(), s.text());
    }
  }
}
