package dev.rolectl.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The canonical form of a JSON tree, for digests and signatures: object members sorted by name
 * (Unicode code units, as {@link String#compareTo}), no whitespace, UTF-8, strings and numbers as
 * Jackson writes them. The same tree always gives the same bytes.
 */
final class CanonicalJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CanonicalJson() {}

  static byte[] bytes(JsonNode tree) {
    try {
      return MAPPER.writeValueAsBytes(sorted(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree did not serialise", e);
    }
  }

  /** A copy of {@code n} whose objects list their members by name. */
  static JsonNode sorted(JsonNode n) {
    if (n.isObject()) {
      ObjectNode out = MAPPER.createObjectNode();
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      names.forEach(name -> out.set(name, sorted(n.get(name))));
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = MAPPER.createArrayNode();
      n.forEach(e -> out.add(sorted(e)));
      return out;
    }
    return n;
  }
}
