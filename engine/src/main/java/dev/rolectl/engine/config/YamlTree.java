package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Location;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Navigation in a {@link YamlValue} tree: nodes and their locations by {@link YamlPath}. */
final class YamlTree {
  private YamlTree() {}

  static Optional<YamlValue> at(YamlValue root, YamlPath path) {
    YamlValue node = root;
    for (Object part : path.parts()) {
      node = child(node, part);
      if (node == null) {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }

  private static YamlValue child(YamlValue node, Object part) {
    if (part instanceof Integer i && node instanceof YamlValue.Sequence s) {
      return i < s.items().size() ? s.items().get(i) : null;
    }
    if (part instanceof String k && node instanceof YamlValue.Mapping m) {
      return m.get(k).orElse(null);
    }
    return null;
  }

  /**
   * Where the node at {@code path} is named: the key for a mapping entry, the item for a list
   * element; falls back to the nearest ancestor that exists.
   */
  static Location keyLocation(YamlValue root, YamlPath path) {
    if (path.isRoot()) {
      return root.location();
    }
    Optional<YamlValue> parent = at(root, path.parent());
    if (parent.isPresent()) {
      if (parent.get() instanceof YamlValue.Mapping m && path.last() instanceof String k) {
        Optional<YamlValue.Entry> e = m.entry(k);
        if (e.isPresent()) {
          return e.get().keyLocation();
        }
      } else if (parent.get() instanceof YamlValue.Sequence s
          && path.last() instanceof Integer i
          && i < s.items().size()) {
        return s.items().get(i).location();
      }
    }
    return keyLocation(root, path.parent());
  }

  /** Where the value at {@code path} starts; falls back like {@link #keyLocation}. */
  static Location valueLocation(YamlValue root, YamlPath path) {
    return at(root, path).map(YamlValue::location).orElseGet(() -> keyLocation(root, path));
  }

  /** Every node's naming location by JSON pointer, for {@link dev.rolectl.engine.model.SourceMap}. */
  static Map<String, Location> pointerIndex(YamlValue root) {
    Map<String, Location> index = new LinkedHashMap<>();
    index.put("", root.location());
    collect(root, YamlPath.ROOT, index);
    return index;
  }

  private static void collect(YamlValue node, YamlPath path, Map<String, Location> index) {
    if (node instanceof YamlValue.Mapping m) {
      for (YamlValue.Entry e : m.entries()) {
        YamlPath p = path.key(e.key());
        index.putIfAbsent(p.pointer(), e.keyLocation());
        collect(e.value(), p, index);
      }
    } else if (node instanceof YamlValue.Sequence s) {
      for (int i = 0; i < s.items().size(); i++) {
        YamlPath p = path.index(i);
        index.putIfAbsent(p.pointer(), s.items().get(i).location());
        collect(s.items().get(i), p, index);
      }
    }
  }
}
