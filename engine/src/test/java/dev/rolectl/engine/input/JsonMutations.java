package dev.rolectl.engine.input;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Hostile variants of a valid JSON file, for tests: for every value in it (every JSON Pointer),
 * the value deleted, made null, and given another type; and the text-level attacks (a key twice,
 * text after the end, cut short, nested too deep, a number too long, UTF-16, NUL, binary,
 * comments, NaN, single quotes, empty). And the check that a message shows no Java internals.
 */
public final class JsonMutations {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * What no message of rolectl may hold without {@code --debug}: exception class names, Java's
   * or Jackson's wording, stack frames, backticked internals.
   */
  public static final Pattern INTERNALS = Pattern.compile(
      "Exception|[A-Z][a-z]+Error\\b|java\\.|javax\\.|com\\.fasterxml|jackson|Jackson|Cannot invoke|"
          + "Cannot read field|No enum constant|long overflow|integer overflow|\\tat |"
          + "StreamReadConstraints|StreamReadFeature|DeserializationFeature|JsonReadFeature|`|"
          + "\\[Source:|dev\\.rolectl\\.");

  /** One variant: what was done, where, and the text. */
  public record Mutation(String what, String pointer, String json) {
    @Override
    public String toString() {
      return what + " at " + (pointer.isEmpty() ? "the top" : pointer);
    }
  }

  private JsonMutations() {}

  /** For every value of {@code json}: deleted, null, and retyped. */
  public static List<Mutation> perValue(String json) {
    JsonNode root = read(json);
    List<String> pointers = new ArrayList<>();
    pointers(root, "", pointers);
    List<Mutation> out = new ArrayList<>();
    for (String p : pointers) {
      if (p.isEmpty()) {
        continue;
      }
      JsonNode value = root.at(p);
      out.add(edit(root, p, "deleted", null, true));
      if (!value.isNull()) {
        out.add(edit(root, p, "null", JsonNodeFactory.instance.nullNode(), false));
      }
      out.add(edit(root, p, "retyped", retyped(value), false));
      if (value.isTextual()) {
        out.add(edit(root, p, "an unknown value", JsonNodeFactory.instance.textNode(
            "not-a-" + value.asText().replaceAll("\\W", "")), false));
      }
      if (value.isIntegralNumber()) {
        out.add(edit(root, p, "negative", JsonNodeFactory.instance.numberNode(-1), false));
        out.add(edit(root, p, "huge", JsonNodeFactory.instance.numberNode(
            new java.math.BigInteger("9".repeat(40))), false));
        out.add(edit(root, p, "a fraction", JsonNodeFactory.instance.numberNode(2.5), false));
        out.add(edit(root, p, "a string of the number", JsonNodeFactory.instance.textNode(
            value.asText()), false));
      }
    }
    return out;
  }

  /** Attacks on the text as a whole, each a complete file. */
  public static List<Mutation> onText(String json) {
    String firstKey = json.substring(json.indexOf('"'), json.indexOf('"', json.indexOf('"') + 1) + 1);
    List<Mutation> out = new ArrayList<>();
    out.add(new Mutation("the first key twice", "", json.replaceFirst(Pattern.quote(firstKey),
        java.util.regex.Matcher.quoteReplacement(firstKey + ": 1, " + firstKey))));
    out.add(new Mutation("garbage after the end", "", json + "garbage"));
    out.add(new Mutation("a second object after the end", "", json + "{}"));
    out.add(new Mutation("cut in half", "", json.substring(0, json.length() / 2)));
    out.add(new Mutation("cut after 1 character", "", json.substring(0, 1)));
    out.add(new Mutation("nested 100,000 deep", "", "{\"a\":" + "[".repeat(100_000)
        + "]".repeat(100_000) + "}"));
    out.add(new Mutation("nested 100,000 deep, not closed", "", "[".repeat(100_000)));
    out.add(new Mutation("a number of 5,000 digits", "", json.replaceFirst(
        Pattern.quote(firstKey) + "\\s*:", java.util.regex.Matcher.quoteReplacement(firstKey
            + ": " + "9".repeat(5000) + ", \"x\":"))));
    out.add(new Mutation("1e999999", "", "{\"a\": 1e999999}"));
    out.add(new Mutation("a comment", "", "// made by hand\n" + json));
    out.add(new Mutation("NaN", "", "{\"a\": NaN}"));
    out.add(new Mutation("single quotes", "", "{'a': 1}"));
    out.add(new Mutation("empty", "", ""));
    out.add(new Mutation("blank", "", " \n\t\n"));
    out.add(new Mutation("a JSON array", "", "[" + json + "]"));
    out.add(new Mutation("a JSON string", "", "\"" + "x".repeat(10) + "\""));
    out.add(new Mutation("a JSON number", "", "42"));
    out.add(new Mutation("null", "", "null"));
    out.add(new Mutation("a control character in a string", "", "{\"a\": \"x\u0001y\"}"));
    out.add(new Mutation("YAML", "", "apiVersion: rolectl/v1\nstack: x\n"));
    return out;
  }

  /** Attacks on the bytes: encodings and binary data. */
  public static Map<String, byte[]> onBytes(String json) {
    byte[] random = new byte[4096];
    new java.util.Random(16).nextBytes(random);
    byte[] utf8 = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] withNul = java.util.Arrays.copyOf(utf8, utf8.length + 1);
    return Map.of(
        "UTF-16LE with a byte order mark", ("\uFEFF" + json).getBytes(
            java.nio.charset.StandardCharsets.UTF_16LE),
        "UTF-16BE with a byte order mark", ("\uFEFF" + json).getBytes(
            java.nio.charset.StandardCharsets.UTF_16BE),
        "UTF-16LE without a byte order mark", json.getBytes(
            java.nio.charset.StandardCharsets.UTF_16LE),
        "binary (random bytes)", random,
        "a NUL byte at the end", withNul,
        "Latin-1 (not UTF-8)", ("{\"a\": \"caf\u00e9\"}").getBytes(
            java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  /** Whether a message is free of internals; the reason, or null when it is. */
  public static String internals(String message) {
    java.util.regex.Matcher m = INTERNALS.matcher(message);
    return m.find() ? "'" + m.group() + "' in: " + message : null;
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
  }

  private static void pointers(JsonNode n, String at, List<String> out) {
    out.add(at);
    if (n.isObject()) {
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        pointers(n.get(k), at + "/" + k.replace("~", "~0").replace("/", "~1"), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        pointers(n.get(i), at + "/" + i, out);
      }
    }
  }

  private static JsonNode retyped(JsonNode v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v.isObject()) {
      return f.arrayNode().add(1);
    }
    if (v.isArray()) {
      return f.objectNode().put("x", 1);
    }
    if (v.isTextual()) {
      return f.numberNode(7);
    }
    if (v.isBoolean()) {
      return f.textNode(v.asText());
    }
    return f.booleanNode(true);
  }

  private static Mutation edit(JsonNode root, String pointer, String what, JsonNode value,
      boolean delete) {
    JsonNode copy = root.deepCopy();
    JsonPointer p = JsonPointer.compile(pointer);
    JsonNode parent = copy.at(p.head());
    String last = p.last().getMatchingProperty();
    if (parent instanceof ObjectNode o) {
      if (delete) {
        o.remove(last);
      } else {
        o.set(last, value);
      }
    } else if (parent instanceof ArrayNode a) {
      int i = p.last().getMatchingIndex();
      if (delete) {
        a.remove(i);
      } else {
        a.set(i, value);
      }
    }
    try {
      return new Mutation(what, pointer, MAPPER.writeValueAsString(copy));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code check} on every mutation and collects the failures' descriptions. */
  public static List<String> failures(List<Mutation> mutations, Function<Mutation, String> check) {
    List<String> out = new ArrayList<>();
    for (Mutation m : mutations) {
      String problem = check.apply(m);
      if (problem != null) {
        out.add(m + ": " + problem);
      }
    }
    return out;
  }
}
