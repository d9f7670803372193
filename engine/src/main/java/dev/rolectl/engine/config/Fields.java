package dev.rolectl.engine.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of a schema-valid mapping, with defaults for absent fields. */
final class Fields {
  private static final Fields EMPTY = new Fields(null);
  private final YamlValue.Mapping mapping;

  Fields(YamlValue.Mapping mapping) {
    this.mapping = mapping;
  }

  private Optional<YamlValue> get(String key) {
    return mapping == null ? Optional.empty() : mapping.get(key);
  }

  /** The value at {@code key}, as written. */
  Optional<YamlValue> value(String key) {
    return get(key);
  }

  String string(String key, String absent) {
    return get(key).map(v -> ((YamlValue.Scalar) v).text()).orElse(absent);
  }

  int integer(String key, int absent) {
    return get(key).map(v -> ((Number) ((YamlValue.Scalar) v).javaValue()).intValue()).orElse(absent);
  }

  boolean bool(String key) {
    return get(key).map(v -> (Boolean) ((YamlValue.Scalar) v).javaValue()).orElse(false);
  }

  List<YamlValue> list(String key) {
    return get(key).map(v -> ((YamlValue.Sequence) v).items()).orElse(List.of());
  }

  List<YamlValue.Entry> entries(String key) {
    return get(key).map(v -> ((YamlValue.Mapping) v).entries()).orElse(List.of());
  }

  Fields mapping(String key) {
    return get(key).map(v -> new Fields((YamlValue.Mapping) v)).orElse(EMPTY);
  }

  Map<String, String> stringMap(String key) {
    Map<String, String> out = new LinkedHashMap<>();
    entries(key).forEach(e -> out.put(e.key(), ((YamlValue.Scalar) e.value()).text()));
    return out;
  }
}
