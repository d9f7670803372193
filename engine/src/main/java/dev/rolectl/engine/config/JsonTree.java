package dev.rolectl.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts {@link YamlValue} trees into a Jackson tree (for schema validation) and into plain Java
 * maps, lists and scalars (for the policy parser), keeping YAML's types.
 */
final class JsonTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTree() {}

  static JsonNode toJson(YamlValue value) {
    if (value instanceof YamlValue.Mapping m) {
      ObjectNode object = NODES.objectNode();
      for (YamlValue.Entry e : m.entries()) {
        object.set(e.key(), toJson(e.value()));
      }
      return object;
    }
    if (value instanceof YamlValue.Sequence s) {
      ArrayNode array = NODES.arrayNode();
      s.items().forEach(item -> array.add(toJson(item)));
      return array;
    }
    YamlValue.Scalar scalar = (YamlValue.Scalar) value;
    Object java = scalar.javaValue();
    if (java == null) {
      return NODES.nullNode();
    } else if (java instanceof String text) {
      return NODES.textNode(text);
    } else if (java instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (java instanceof Long l) {
      return NODES.numberNode(l);
    } else if (java instanceof BigInteger big) {
      return NODES.numberNode(big);
    } else {
      return NODES.numberNode((Double) java);
    }
  }

  /** Plain Java: LinkedHashMap, ArrayList, String, Long/BigInteger, Double, Boolean, null. */
  static Object toJava(YamlValue value) {
    if (value instanceof YamlValue.Mapping m) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (YamlValue.Entry e : m.entries()) {
        map.put(e.key(), toJava(e.value()));
      }
      return map;
    }
    if (value instanceof YamlValue.Sequence s) {
      List<Object> list = new ArrayList<>();
      s.items().forEach(item -> list.add(toJava(item)));
      return list;
    }
    return ((YamlValue.Scalar) value).javaValue();
  }
}
