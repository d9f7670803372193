package dev.rolectl.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema on the classpath is the one editors use: 2020-12, with help on every property. */
class SchemaFileTest {
  static JsonNode schema() throws Exception {
    try (InputStream in = SchemaFileTest.class.getResourceAsStream(SchemaValidator.RESOURCE)) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void isDraft202012WithAnId() throws Exception {
    JsonNode s = schema();
    assertEquals("https://json-schema.org/draft/2020-12/schema", s.get("$schema").asText());
    assertTrue(s.get("$id").asText().endsWith("stack.schema.json"));
  }

  @Test
  void everyPropertyHasATitleAndADescription() throws Exception {
    JsonNode root = schema();
    List<String> missing = new ArrayList<>();
    walk(root, root, "", missing);
    assertEquals(List.of(), missing);
  }

  private static void walk(JsonNode root, JsonNode node, String at, List<String> missing) {
    if (node.has("properties")) {
      Iterator<Map.Entry<String, JsonNode>> it = node.get("properties").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> p = it.next();
        JsonNode prop = p.getValue();
        JsonNode target = prop.has("$ref") ? root.at(prop.get("$ref").asText().substring(1)) : prop;
        boolean titled = prop.has("title") || target.has("title");
        boolean described = prop.has("description") || target.has("description");
        if (!titled || !described) {
          missing.add(at + "/" + p.getKey());
        }
      }
    }
    Iterator<Map.Entry<String, JsonNode>> all = node.fields();
    while (all.hasNext()) {
      Map.Entry<String, JsonNode> e = all.next();
      if (e.getValue().isObject()) {
        walk(root, e.getValue(), at + "/" + e.getKey(), missing);
      }
    }
  }
}
