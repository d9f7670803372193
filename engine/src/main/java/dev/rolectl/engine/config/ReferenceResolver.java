package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands {@code ${...}} references in the strings of a merged stack tree where the format allows
 * them (descriptions, tag values, managedPolicies, permissionsBoundary, attachTo names, policy
 * documents), and records which resource each reference points to.
 */
final class ReferenceResolver {
  static final String RULE = "reference";
  private static final java.util.regex.Pattern OUR_FORM =
      java.util.regex.Pattern.compile("(?<!\\$)\\$\\{(roles|policies|var|aws)\\.");

  private final References references;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<Use> uses = new ArrayList<>();
  private final Set<YamlPath> expanded = new HashSet<>();

  /** A reference to a stack resource, written at {@code path}. */
  record Use(YamlPath path, Address target) {}

  /**
   * The tree with references expanded, where stack resources are referenced, which scalars held
   * references (their values changed or not), and the problems found.
   */
  record Resolved(
      YamlValue.Mapping root, List<Use> uses, Set<YamlPath> expanded, List<Diagnostic> diagnostics) {}

  private ReferenceResolver(References references) {
    this.references = references;
  }

  static Resolved resolve(YamlValue.Mapping root, References references) {
    ReferenceResolver r = new ReferenceResolver(references);
    YamlValue.Mapping out = (YamlValue.Mapping) r.walk(root, YamlPath.ROOT);
    return new Resolved(out, r.uses, Set.copyOf(r.expanded), r.diagnostics);
  }

  private YamlValue walk(YamlValue node, YamlPath path) {
    if (node instanceof YamlValue.Mapping m) {
      List<YamlValue.Entry> entries = new ArrayList<>();
      for (YamlValue.Entry e : m.entries()) {
        YamlPath child = path.key(e.key());
        if (e.key().contains("${") && expandsAt(child) && OUR_FORM.matcher(e.key()).find()) {
          diagnostics.add(Diagnostic.error(RULE, e.keyLocation(), child.display() + ": references"
              + " are expanded in values, not in keys; write this key literally"));
        }
        entries.add(new YamlValue.Entry(e.key(), e.keyLocation(), walk(e.value(), child)));
      }
      return new YamlValue.Mapping(m.location(), entries);
    }
    if (node instanceof YamlValue.Sequence s) {
      List<YamlValue> items = new ArrayList<>();
      for (int i = 0; i < s.items().size(); i++) {
        items.add(walk(s.items().get(i), path.index(i)));
      }
      return new YamlValue.Sequence(s.location(), items);
    }
    YamlValue.Scalar scalar = (YamlValue.Scalar) node;
    if (scalar.kind() != YamlValue.Kind.STRING || !scalar.text().contains("${")
        || !expandsAt(path)) {
      return scalar;
    }
    expanded.add(path);
    String text = expand(scalar, path);
    return new YamlValue.Scalar(scalar.location(), text, YamlValue.Kind.STRING, scalar.plain());
  }

  /** Where the format expands references (see the schema's top-level description). */
  static boolean expandsAt(YamlPath path) {
    List<Object> p = path.parts();
    if (p.size() < 2) {
      return false;
    }
    Object section = p.get(0);
    if (section.equals("tags")) {
      return p.size() == 2;
    }
    if (p.size() < 3 || !(section.equals("roles") || section.equals("policies"))) {
      return false;
    }
    Object field = p.get(2);
    int depth = p.size();
    if (section.equals("roles")) {
      return switch (String.valueOf(field)) {
        case "description", "permissionsBoundary" -> depth == 3;
        case "tags", "managedPolicies" -> depth == 4;
        case "trustPolicy" -> depth > 3;
        case "inlinePolicies" -> depth > 4;
        default -> false;
      };
    }
    return switch (String.valueOf(field)) {
      case "description" -> depth == 3;
      case "tags" -> depth == 4;
      case "document" -> depth > 3;
      case "attachTo" -> depth == 5;
      default -> false;
    };
  }

  private String expand(YamlValue.Scalar scalar, YamlPath path) {
    String s = scalar.text();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      if (s.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (s.startsWith("${", i)) {
        int end = s.indexOf('}', i + 2);
        if (end < 0) {
          error(scalar, path, "'${' is not closed: write ${...} with a closing '}', or $${ for a"
              + " literal ${");
          out.append(s, i, s.length());
          break;
        }
        String inner = s.substring(i + 2, end);
        References.Outcome outcome = references.resolve(inner, path.parts().get(0).equals("tags"));
        if (outcome.error() != null) {
          error(scalar, path, outcome.error());
          out.append(s, i, end + 1);
        } else {
          out.append(outcome.value());
          if (outcome.target() != null) {
            uses.add(new Use(path, outcome.target()));
          }
        }
        i = end + 1;
      } else {
        out.append(s.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  private void error(YamlValue.Scalar scalar, YamlPath path, String message) {
    diagnostics.add(Diagnostic.error(RULE, scalar.location(), path.display() + ": " + message));
  }
}
