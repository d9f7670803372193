package dev.rolectl.engine.live.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON node with its path in the file ({@code RoleDetailList[3].RoleName}, and as a JSON
 * Pointer, {@code /RoleDetailList/3/RoleName}, to find its line and column), reporting type
 * problems to a shared list instead of throwing, so that all problems of a file are shown at once.
 */
final class Node {
  /** A problem at a value: its path for people, its JSON Pointer to locate it, what is wrong. */
  record Problem(String path, String pointer, String message) {
    @Override
    public String toString() {
      return (path.isEmpty() ? "" : path + ": ") + message;
    }
  }

  private final JsonNode json;
  private final String path;
  private final String pointer;
  private final List<Problem> problems;

  Node(JsonNode json, String path, List<Problem> problems) {
    this(json, path, "", problems);
  }

  private Node(JsonNode json, String path, String pointer, List<Problem> problems) {
    this.json = json;
    this.path = path;
    this.pointer = pointer;
    this.problems = problems;
  }

  String path() {
    return path;
  }

  JsonNode json() {
    return json;
  }

  boolean has(String field) {
    JsonNode v = json.get(field);
    return v != null && !v.isNull();
  }

  Node field(String name) {
    JsonNode v = json.get(name);
    return new Node(v, path.isEmpty() ? name : path + "." + name,
        pointer + "/" + name.replace("~", "~0").replace("/", "~1"), problems);
  }

  boolean isMissing() {
    return json == null || json.isNull();
  }

  void problem(String message) {
    problems.add(new Problem(path, pointer, message));
  }

  /** The string, {@code null} when absent; a problem when present but not a string. */
  String text() {
    if (isMissing()) {
      return null;
    }
    if (!json.isTextual()) {
      problem("must be a string, found " + json.getNodeType().name().toLowerCase());
      return null;
    }
    return json.asText();
  }

  /** The string; a problem when absent. */
  String requiredText() {
    if (isMissing()) {
      problem("is missing");
      return null;
    }
    return text();
  }

  int integer(int fallback) {
    if (isMissing()) {
      return fallback;
    }
    if (!json.canConvertToInt() || !json.isIntegralNumber()) {
      problem("must be a whole number, found " + json);
      return fallback;
    }
    return json.asInt();
  }

  boolean bool(boolean fallback) {
    if (isMissing()) {
      return fallback;
    }
    if (!json.isBoolean()) {
      problem("must be true or false, found " + json);
      return fallback;
    }
    return json.asBoolean();
  }

  Instant instant() {
    String s = text();
    if (s == null) {
      return null;
    }
    try {
      // The AWS CLI prints 2024-01-02T03:04:05+00:00; Python's str() uses a space.
      return OffsetDateTime.parse(s.strip().replaceFirst(" ", "T")).toInstant();
    } catch (DateTimeParseException e) {
      problem("must be a date and time like 2024-01-02T03:04:05Z, found '" + s + "'");
      return null;
    }
  }

  /** The elements of an array (none when absent); a problem when present but not an array. */
  List<Node> elements() {
    List<Node> out = new ArrayList<>();
    if (isMissing()) {
      return out;
    }
    if (!json.isArray()) {
      problem("must be a list ([...]), found " + json.getNodeType().name().toLowerCase());
      return out;
    }
    for (int i = 0; i < json.size(); i++) {
      Node e = new Node(json.get(i), path + "[" + i + "]", pointer + "/" + i, problems);
      if (!e.json.isObject()) {
        e.problem("must be an object ({...})");
        continue;
      }
      out.add(e);
    }
    return out;
  }

  /** The strings of an array of strings (none when absent); problems for other elements. */
  List<String> strings() {
    List<String> out = new ArrayList<>();
    if (isMissing()) {
      return out;
    }
    if (!json.isArray()) {
      problem("must be a list of strings, found " + json.getNodeType().name().toLowerCase());
      return out;
    }
    for (int i = 0; i < json.size(); i++) {
      String v = new Node(json.get(i), path + "[" + i + "]", pointer + "/" + i, problems)
          .requiredText();
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /** The field names of an object, in file order. */
  List<String> fieldNames() {
    List<String> out = new ArrayList<>();
    if (json != null && json.isObject()) {
      json.fieldNames().forEachRemaining(out::add);
    }
    return out;
  }

  /** An object, or {@code null} when absent; a problem when present but not an object. */
  Node object() {
    if (isMissing()) {
      return null;
    }
    if (!json.isObject()) {
      problem("must be an object ({...}), found " + json.getNodeType().name().toLowerCase());
      return null;
    }
    return this;
  }
}
