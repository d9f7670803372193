package dev.rolectl.engine.model;

import java.util.Map;
import java.util.Objects;

/**
 * Where each part of the stack was written. Keys are JSON pointers into the merged stack document
 * ({@code /roles/NAME/trustPolicy/Statement/0}); {@link #locate} falls back to the nearest
 * enclosing node that has a location.
 */
public record SourceMap(Map<String, Location> byPointer) {
  public SourceMap {
    byPointer = Map.copyOf(byPointer);
  }

  public static SourceMap empty() {
    return new SourceMap(Map.of());
  }

  /** The location of the node at {@code pointer}, or of its nearest ancestor that has one. */
  public Location locate(String pointer, Location fallback) {
    Objects.requireNonNull(fallback, "fallback");
    String p = pointer;
    while (true) {
      Location l = byPointer.get(p);
      if (l != null) {
        return l;
      }
      int slash = p.lastIndexOf('/');
      if (slash < 0 || p.isEmpty()) {
        return fallback;
      }
      p = p.substring(0, slash);
    }
  }

  /** Escapes one JSON pointer segment (RFC 6901). */
  public static String segment(String raw) {
    return raw.replace("~", "~0").replace("/", "~1");
  }
}
