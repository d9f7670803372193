package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Suggest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rolectl.engine.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes schema violations as messages that say what is wrong and what to do, with "did you
 * mean" suggestions, located at the YAML key or value concerned.
 */
final class SchemaMessages {
  private final JsonNode schema;
  private final YamlValue root;

  SchemaMessages(JsonNode schema, YamlValue root) {
    this.schema = schema;
    this.root = root;
  }

  SchemaValidator.Violation describe(
      String keyword, YamlPath path, String property, String fragment, JsonNode keywordNode,
      String fallback) {
    JsonNode owner = resolve(schema.at(parentPointer(fragment)));
    Optional<YamlValue> node = YamlTree.at(root, path);
    String where = path.display() + ": ";
    switch (keyword) {
      case "additionalProperties": {
        YamlPath field = path.key(property);
        List<String> allowed = new ArrayList<>();
        owner.path("properties").fieldNames().forEachRemaining(allowed::add);
        String msg = where + "unknown field '" + property + "';"
            + Suggest.didYouMean(property, allowed)
            + (allowed.isEmpty() ? " remove it" : " allowed fields are " + String.join(", ", allowed));
        return violation(field, keyword, YamlTree.keyLocation(root, field), msg);
      }
      case "required": {
        JsonNode prop = owner.path("properties").path(property);
        String help = prop.path("title").asText(resolve(prop).path("title").asText(""));
        String msg = where + "missing required field '" + property + "'"
            + (help.isEmpty() || help.equalsIgnoreCase(property) ? ""
                : " (" + help.toLowerCase(java.util.Locale.ROOT) + ")")
            + "; add " + property + ":";
        Location at = path.isRoot() ? Location.startOf(root.location().file())
            : YamlTree.keyLocation(root, path);
        return violation(path, keyword, at, msg);
      }
      case "propertyNames": {
        YamlPath key = path.key(property);
        JsonNode names = resolve(keywordNode);
        String expected = names.path("x-expected").asText("a valid name");
        return violation(key, keyword, YamlTree.keyLocation(root, key),
            where + "'" + property + "' is not allowed here: expected " + expected);
      }
      case "type":
        return violation(path, keyword, valueAt(path), where + typeMessage(keywordNode, node));
      case "minimum":
      case "maximum":
        return violation(path, keyword, valueAt(path), where + rangeMessage(keyword, owner, node));
      case "pattern": {
        String expected = owner.path("x-expected").asText("a value matching " + keywordNode.asText());
        return violation(path, keyword, valueAt(path),
            where + "'" + scalarText(node) + "' is not valid: expected " + expected);
      }
      case "enum": {
        List<String> values = new ArrayList<>();
        keywordNode.forEach(v -> values.add(v.asText()));
        String text = scalarText(node);
        return violation(path, keyword, valueAt(path), where + "'" + text + "' is not one of "
            + String.join(", ", values) + ";" + Suggest.didYouMean(text, values).stripTrailing()
            + " use one of these values");
      }
      case "const":
        return violation(path, keyword, valueAt(path), where + "'" + scalarText(node)
            + "' is not supported; write " + keywordNode.asText());
      case "maxLength": {
        String full = node.filter(YamlValue.Scalar.class::isInstance)
            .map(v -> ((YamlValue.Scalar) v).text()).orElse("");
        return violation(path, keyword, valueAt(path), where + "is "
            + full.codePointCount(0, full.length()) + " characters long; the limit is "
            + keywordNode.asText() + ": shorten it");
      }
      case "minLength":
        return violation(path, keyword, valueAt(path), where + "must not be empty");
      case "maxItems":
        return violation(path, keyword, valueAt(path), where + "has " + size(node)
            + " entries; at most " + keywordNode.asText() + " are allowed: remove some");
      case "minItems":
        return violation(path, keyword, valueAt(path), where + "is empty; it needs at least "
            + keywordNode.asText() + " entry");
      case "maxProperties":
        return violation(path, keyword, valueAt(path), where + "has " + size(node)
            + " entries; at most " + keywordNode.asText() + " are allowed: remove some");
      case "uniqueItems":
        return duplicateItem(path, node);
      default:
        String text = fallback.startsWith("/") || fallback.startsWith(":")
            ? fallback.substring(fallback.indexOf(':') + 1).trim() : fallback;
        return violation(path, keyword, valueAt(path), where + text + "; fix this value");
    }
  }

  private SchemaValidator.Violation duplicateItem(YamlPath path, Optional<YamlValue> node) {
    if (node.isPresent() && node.get() instanceof YamlValue.Sequence s) {
      Map<Object, Integer> first = new HashMap<>();
      for (int i = 0; i < s.items().size(); i++) {
        Object v = JsonTree.toJava(s.items().get(i));
        Integer before = first.putIfAbsent(v, i);
        if (before != null) {
          YamlPath item = path.index(i);
          return violation(item, "uniqueItems", valueAt(item), item.display() + ": '"
              + scalarText(Optional.of(s.items().get(i))) + "' is already listed at "
              + path.index(before).display() + " (line " + s.items().get(before).location().line()
              + "); remove one");
        }
      }
    }
    return violation(path, "uniqueItems", valueAt(path), path.display()
        + ": lists the same entry twice; remove the duplicate");
  }

  private static String typeMessage(JsonNode expectedNode, Optional<YamlValue> node) {
    List<String> expected = new ArrayList<>();
    if (expectedNode.isArray()) {
      expectedNode.forEach(t -> expected.add(typeName(t.asText())));
    } else {
      expected.add(typeName(expectedNode.asText()));
    }
    String want = String.join(" or ", expected);
    if (node.isEmpty()) {
      return "expected " + want;
    }
    YamlValue v = node.get();
    String found = YamlValue.describe(v);
    if (v instanceof YamlValue.Scalar s) {
      if (s.kind() == YamlValue.Kind.NULL) {
        return "has no value; expected " + want + ": write a value after the ':' or remove the key";
      }
      found += " (" + shorten(s.text()) + ")";
      if (expectedNode.asText().equals("string") && s.plain()) {
        String why = s.kind() == YamlValue.Kind.BOOLEAN
            ? "; YAML reads unquoted yes/no/on/off/true/false as booleans"
            : s.text().startsWith("0") && s.kind() == YamlValue.Kind.INTEGER
                ? "; unquoted, YAML reads it as a number (a leading 0 even as octal)" : "";
        return "expected " + want + " but found " + found + why + ": put it in quotes, e.g. \""
            + shorten(s.text()) + "\"";
      }
      if (s.kind() == YamlValue.Kind.STRING && !s.plain()
          && !expected.contains(typeName("string"))) {
        return "expected " + want + " but found " + found + ": remove the quotes";
      }
    }
    return "expected " + want + " but found " + found;
  }

  private static String typeName(String jsonType) {
    return switch (jsonType) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "boolean" -> "a boolean (true or false)";
      case "string" -> "a string";
      default -> jsonType;
    };
  }

  private static String rangeMessage(String keyword, JsonNode owner, Optional<YamlValue> node) {
    String unit = owner.has("x-unit") ? " " + owner.get("x-unit").asText() : "";
    String value = scalarText(node);
    String range = owner.has("minimum") && owner.has("maximum")
        ? "; use a value from " + owner.get("minimum").asText() + " to "
            + owner.get("maximum").asText() + unit : "";
    return keyword.equals("minimum")
        ? value + " is below the minimum " + owner.get("minimum").asText() + unit + range
        : value + " is above the maximum " + owner.get("maximum").asText() + unit + range;
  }

  private Location valueAt(YamlPath path) {
    return YamlTree.valueLocation(root, path);
  }

  private static SchemaValidator.Violation violation(
      YamlPath path, String keyword, Location at, String message) {
    return new SchemaValidator.Violation(path, keyword, at, message);
  }

  private static String scalarText(Optional<YamlValue> node) {
    return node.filter(YamlValue.Scalar.class::isInstance)
        .map(v -> shorten(((YamlValue.Scalar) v).text()))
        .orElse(node.map(YamlValue::describe).orElse("the value"));
  }

  private static int size(Optional<YamlValue> node) {
    if (node.isPresent() && node.get() instanceof YamlValue.Sequence s) {
      return s.items().size();
    }
    if (node.isPresent() && node.get() instanceof YamlValue.Mapping m) {
      return m.entries().size();
    }
    return 0;
  }

  private static String shorten(String text) {
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }

  /** Follows a local {@code $ref} (one level is all the schema uses). */
  private JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int i = 0; i < 5 && current.has("$ref") && current.get("$ref").asText().startsWith("#"); i++) {
      current = schema.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  private static String parentPointer(String fragment) {
    int slash = fragment.lastIndexOf('/');
    return slash <= 0 ? "" : fragment.substring(0, slash);
  }
}
