package dev.rolectl.engine.config;

import dev.rolectl.engine.model.SourceMap;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path into a stack document: keys (String) and list indices (Integer). Shown to users as
 * {@code roles.myRole.managedPolicies[0]}, used internally as a JSON pointer.
 */
record YamlPath(List<Object> parts) {
  private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
  static final YamlPath ROOT = new YamlPath(List.of());

  YamlPath {
    for (Object p : parts) {
      if (!(p instanceof String) && !(p instanceof Integer)) {
        throw new IllegalArgumentException("path parts are keys or indices: " + p);
      }
    }
    parts = List.copyOf(parts);
  }

  static YamlPath of(Object... parts) {
    return new YamlPath(List.of(parts));
  }

  YamlPath key(String key) {
    List<Object> p = new ArrayList<>(parts);
    p.add(key);
    return new YamlPath(p);
  }

  YamlPath index(int index) {
    List<Object> p = new ArrayList<>(parts);
    p.add(index);
    return new YamlPath(p);
  }

  YamlPath append(YamlPath other) {
    List<Object> p = new ArrayList<>(parts);
    p.addAll(other.parts);
    return new YamlPath(p);
  }

  boolean isRoot() {
    return parts.isEmpty();
  }

  YamlPath parent() {
    return parts.isEmpty() ? this : new YamlPath(parts.subList(0, parts.size() - 1));
  }

  Object last() {
    return parts.get(parts.size() - 1);
  }

  boolean startsWith(YamlPath prefix) {
    return parts.size() >= prefix.parts.size()
        && parts.subList(0, prefix.parts.size()).equals(prefix.parts);
  }

  /** The JSON pointer (RFC 6901), e.g. {@code /roles/x/managedPolicies/0}; "" for the root. */
  String pointer() {
    StringBuilder sb = new StringBuilder();
    for (Object p : parts) {
      sb.append('/').append(SourceMap.segment(p.toString()));
    }
    return sb.toString();
  }

  /** How users read it: {@code roles.x.managedPolicies[0]}, {@code tags["a b"]}; "(top level)". */
  String display() {
    if (parts.isEmpty()) {
      return "(top level)";
    }
    StringBuilder sb = new StringBuilder();
    for (Object p : parts) {
      if (p instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else if (SIMPLE_KEY.matcher((String) p).matches()) {
        sb.append(sb.length() == 0 ? "" : ".").append(p);
      } else {
        sb.append("[\"").append(((String) p).replace("\"", "\\\"")).append("\"]");
      }
    }
    return sb.toString();
  }

  /** Parses a JSON pointer relative to {@code base} with the help of the tree (for indices). */
  static YamlPath fromPointer(String pointer, YamlValue tree) {
    List<Object> parts = new ArrayList<>();
    if (pointer.isEmpty()) {
      return ROOT;
    }
    YamlValue node = tree;
    for (String raw : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
      String seg = raw.replace("~1", "/").replace("~0", "~");
      if (node instanceof YamlValue.Sequence s && seg.matches("\\d{1,9}")) {
        int i = Integer.parseInt(seg);
        parts.add(i);
        node = i < s.items().size() ? s.items().get(i) : null;
      } else {
        parts.add(seg);
        node = node instanceof YamlValue.Mapping m ? m.get(seg).orElse(null) : null;
      }
    }
    return new YamlPath(parts);
  }

  @Override
  public String toString() {
    return display();
  }
}
