package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Converts a composed SnakeYAML node graph into a {@link YamlValue} tree. Never constructs Java
 * objects from tags: it accepts only YAML's core types and reports duplicate keys, merge keys,
 * unsupported tags, recursive aliases and alias expansion beyond a small budget.
 */
final class NodeConverter {
  static final int MAX_ALIAS_EXPANSION = 10_000;
  private static final String YAML_TAG = "tag:yaml.org,2002:";

  private final String file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Node> onPath = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private int aliasDepth;
  private int expanded;
  private boolean budgetReported;

  private NodeConverter(String file) {
    this.file = file;
  }

  /** The converted tree (absent if the root itself is unusable) and any problems found. */
  record Converted(Optional<YamlValue> value, List<Diagnostic> diagnostics) {}

  static Converted convert(String file, Node root) {
    NodeConverter c = new NodeConverter(file);
    Optional<YamlValue> value = c.node(root);
    return new Converted(c.diagnostics.isEmpty() ? value : Optional.empty(), c.diagnostics);
  }

  private Optional<YamlValue> node(Node node) {
    Location at = YamlErrors.location(file, node.getStartMark());
    if (onPath.contains(node)) {
      return error(at, "this anchor contains an alias of itself (a recursive structure); stack"
          + " files cannot be recursive: remove the alias");
    }
    boolean revisit = !seen.add(node);
    if (revisit) {
      aliasDepth++;
    }
    try {
      if (aliasDepth > 0 && ++expanded > MAX_ALIAS_EXPANSION) {
        if (budgetReported) {
          return Optional.empty();
        }
        budgetReported = true;
        return error(at, "aliases expand this file by more than " + MAX_ALIAS_EXPANSION
            + " nodes (an alias bomb?); write the repeated parts out or use fewer aliases");
      }
      onPath.add(node);
      try {
        if (node instanceof ScalarNode s) {
          return scalar(s, at);
        } else if (node instanceof SequenceNode s) {
          return sequence(s, at);
        } else {
          return mapping((MappingNode) node, at);
        }
      } finally {
        onPath.remove(node);
      }
    } finally {
      if (revisit) {
        aliasDepth--;
      }
    }
  }

  private Optional<YamlValue> sequence(SequenceNode node, Location at) {
    if (!node.getTag().equals(Tag.SEQ)) {
      return unsupportedTag(node.getTag(), at);
    }
    List<YamlValue> items = new ArrayList<>();
    for (Node item : node.getValue()) {
      node(item).ifPresent(items::add);
    }
    return Optional.of(new YamlValue.Sequence(at, items));
  }

  private Optional<YamlValue> mapping(MappingNode node, Location at) {
    if (!node.getTag().equals(Tag.MAP)) {
      return unsupportedTag(node.getTag(), at);
    }
    List<YamlValue.Entry> entries = new ArrayList<>();
    Map<String, Location> keys = new HashMap<>();
    for (NodeTuple tuple : node.getValue()) {
      Node keyNode = tuple.getKeyNode();
      Location keyAt = YamlErrors.location(file, keyNode.getStartMark());
      if (keyNode.getTag().equals(Tag.MERGE)) {
        error(keyAt, "YAML merge keys (<<) are not supported; write the keys out (anchors and"
            + " *aliases of whole values are fine)");
        continue;
      }
      if (!(keyNode instanceof ScalarNode scalarKey)) {
        error(keyAt, "a mapping key must be a plain name, not a list or mapping");
        continue;
      }
      if (!isCoreScalarTag(scalarKey.getTag())) {
        unsupportedTag(scalarKey.getTag(), keyAt);
        continue;
      }
      String key = scalarKey.getValue();
      Location first = keys.putIfAbsent(key, keyAt);
      if (first != null) {
        error(keyAt, "duplicate key '" + key + "': it is already defined at line " + first.line()
            + " (column " + first.column() + "); remove or rename one of them");
        continue;
      }
      node(tuple.getValueNode()).ifPresent(v -> entries.add(new YamlValue.Entry(key, keyAt, v)));
    }
    return Optional.of(new YamlValue.Mapping(at, entries));
  }

  private Optional<YamlValue> scalar(ScalarNode node, Location at) {
    Tag tag = node.getTag();
    String text = node.getValue();
    boolean plain = node.isPlain();
    YamlValue.Kind kind;
    if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP)) {
      kind = YamlValue.Kind.STRING; // dates such as Version: 2012-10-17 stay text
    } else if (tag.equals(Tag.INT)) {
      if (YamlNumbers.parseInteger(text).isEmpty()) {
        return error(at, "'" + text + "' is tagged !!int but is not an integer");
      }
      kind = YamlValue.Kind.INTEGER;
    } else if (tag.equals(Tag.FLOAT)) {
      if (YamlNumbers.parseFloat(text).isEmpty()) {
        return error(at, "'" + text + "' is tagged !!float but is not a number");
      }
      kind = YamlValue.Kind.FLOAT;
    } else if (tag.equals(Tag.BOOL)) {
      if (!YamlNumbers.isBoolean(text)) {
        return error(at, "'" + text + "' is tagged !!bool but is not true or false");
      }
      kind = YamlValue.Kind.BOOLEAN;
    } else if (tag.equals(Tag.NULL)) {
      kind = YamlValue.Kind.NULL;
    } else if (tag.equals(Tag.MERGE)) {
      kind = YamlValue.Kind.STRING; // a '<<' value, not a merge key
    } else {
      return unsupportedTag(tag, at);
    }
    return Optional.of(new YamlValue.Scalar(at, text, kind, plain));
  }

  private static boolean isCoreScalarTag(Tag tag) {
    return tag.equals(Tag.STR)
        || tag.equals(Tag.INT)
        || tag.equals(Tag.FLOAT)
        || tag.equals(Tag.BOOL)
        || tag.equals(Tag.NULL)
        || tag.equals(Tag.TIMESTAMP);
  }

  private Optional<YamlValue> unsupportedTag(Tag tag, Location at) {
    String value = tag.getValue();
    if (value.startsWith("!")) {
      return error(at, "YAML tag '" + value + "' is not supported: stack files do not use"
          + " CloudFormation-style tags; write references as ${roles.NAME.arn},"
          + " ${policies.NAME.arn} or ${var.NAME} in a plain string");
    }
    String shown = value.startsWith(YAML_TAG) ? "!!" + value.substring(YAML_TAG.length()) : value;
    return error(at, "YAML tag '" + shown + "' is not supported in stack files; use plain"
        + " strings, numbers, booleans, lists and mappings");
  }

  private Optional<YamlValue> error(Location at, String message) {
    diagnostics.add(Diagnostic.error(YamlErrors.RULE, at, message));
    return Optional.empty();
  }
}
