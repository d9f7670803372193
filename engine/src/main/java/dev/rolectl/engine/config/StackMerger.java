package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges the files of a directory stack into one tree. Every file declares the same
 * {@code apiVersion} and {@code stack}; {@code account}, {@code tags} and {@code settings} may
 * appear in several files only with identical values; a role or policy name may be defined in one
 * file only. Each problem names both places.
 */
final class StackMerger {
  static final String RULE = "duplicate";
  private static final List<String> SAME_EVERYWHERE = List.of("apiVersion", "stack");
  private static final List<String> ONCE_OR_IDENTICAL = List.of("account", "tags", "settings");
  private static final List<String> NAMED = List.of("roles", "policies");

  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<String, YamlValue.Entry> topLevel = new LinkedHashMap<>();
  private final Map<String, Map<String, YamlValue.Entry>> named = new LinkedHashMap<>();
  private final Map<String, Location> namedLocation = new LinkedHashMap<>();

  /** The merged document and the conflicts found. */
  record Merged(YamlValue.Mapping root, List<Diagnostic> diagnostics) {}

  static Merged merge(List<YamlValue.Mapping> files) {
    StackMerger merger = new StackMerger();
    files.forEach(merger::add);
    return new Merged(merger.result(files.get(0).location()), merger.diagnostics);
  }

  private void add(YamlValue.Mapping file) {
    for (YamlValue.Entry e : file.entries()) {
      String key = e.key();
      YamlValue.Entry first = topLevel.get(key);
      if (NAMED.contains(key)) {
        addNamed(key, e);
      } else if (first == null) {
        topLevel.put(key, e);
      } else if (SAME_EVERYWHERE.contains(key)) {
        if (!Objects.equals(JsonTree.toJava(first.value()), JsonTree.toJava(e.value()))) {
          diagnostics.add(Diagnostic.error(RULE, e.value().location(), key + " '" + text(e.value())
              + "' differs from '" + text(first.value()) + "' declared at "
              + first.value().location() + "; every file of a directory stack must declare the"
              + " same " + key));
        }
      } else if (ONCE_OR_IDENTICAL.contains(key)
          && !Objects.equals(JsonTree.toJava(first.value()), JsonTree.toJava(e.value()))) {
        diagnostics.add(Diagnostic.error(RULE, e.keyLocation(), key + " is declared here and at "
            + first.keyLocation() + " with different values; declare stack-level " + key
            + " in one file of the directory"));
      }
    }
  }

  private void addNamed(String section, YamlValue.Entry sectionEntry) {
    namedLocation.putIfAbsent(section, sectionEntry.keyLocation());
    Map<String, YamlValue.Entry> byName = named.computeIfAbsent(section, k -> new LinkedHashMap<>());
    if (!(sectionEntry.value() instanceof YamlValue.Mapping m)) {
      return; // the schema reports it
    }
    String kind = section.equals("roles") ? "role" : "policy";
    for (YamlValue.Entry e : m.entries()) {
      YamlValue.Entry first = byName.putIfAbsent(e.key(), e);
      if (first != null) {
        diagnostics.add(Diagnostic.error(RULE, e.keyLocation(), kind + " '" + e.key()
            + "' is defined twice: " + first.keyLocation() + " and " + e.keyLocation()
            + "; rename one or delete one"));
      }
    }
  }

  private YamlValue.Mapping result(Location start) {
    List<YamlValue.Entry> entries = new ArrayList<>(topLevel.values());
    named.forEach((section, byName) -> {
      Location at = namedLocation.get(section);
      entries.add(new YamlValue.Entry(section, at,
          new YamlValue.Mapping(at, new ArrayList<>(byName.values()))));
    });
    return new YamlValue.Mapping(start, entries);
  }

  private static String text(YamlValue v) {
    return v instanceof YamlValue.Scalar s ? s.text() : YamlValue.describe(v);
  }
}
