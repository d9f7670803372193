package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Location;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable YAML tree with a location on every node: what {@link YamlReader} makes of a
 * SnakeYAML node graph. Scalars keep their resolved YAML type, so {@code "3600"} (a string) and
 * {@code 3600} (an integer) stay different.
 */
sealed interface YamlValue {

  /** Where the node starts. */
  Location location();

  /** A YAML mapping; keys are unique (the reader reports duplicates) and kept in file order. */
  record Mapping(Location location, List<Entry> entries) implements YamlValue {
    public Mapping {
      Objects.requireNonNull(location, "location");
      entries = List.copyOf(entries);
    }

    Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    Optional<YamlValue> get(String key) {
      return entry(key).map(Entry::value);
    }
  }

  /** One key of a mapping, with where the key is written. */
  record Entry(String key, Location keyLocation, YamlValue value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(keyLocation, "keyLocation");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A YAML sequence. */
  record Sequence(Location location, List<YamlValue> items) implements YamlValue {
    public Sequence {
      Objects.requireNonNull(location, "location");
      items = List.copyOf(items);
    }
  }

  /** The YAML type a scalar resolved to. */
  enum Kind {
    STRING("a string"),
    INTEGER("a number"),
    FLOAT("a number"),
    BOOLEAN("a boolean"),
    NULL("null (no value)");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }
  }

  /**
   * A scalar: its text as written (after YAML unescaping), its resolved kind and whether it was
   * written plain (unquoted).
   */
  record Scalar(Location location, String text, Kind kind, boolean plain) implements YamlValue {
    public Scalar {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(kind, "kind");
    }

    static Scalar string(Location location, String text) {
      return new Scalar(location, text, Kind.STRING, false);
    }

    /** The value as a Java object: String, Long/BigInteger, Double, Boolean or null. */
    Object javaValue() {
      return switch (kind) {
        case STRING -> text;
        case INTEGER -> {
          BigInteger big = YamlNumbers.parseInteger(text).orElseThrow();
          yield big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        case FLOAT -> YamlNumbers.parseFloat(text).orElseThrow();
        case BOOLEAN -> YamlNumbers.parseBoolean(text);
        case NULL -> null;
      };
    }
  }

  /** A short description of the node's type for messages: "a mapping", "a string", ... */
  static String describe(YamlValue value) {
    if (value instanceof Scalar s) {
      return s.kind().description();
    }
    return value instanceof Mapping ? "a mapping" : "a list";
  }
}
