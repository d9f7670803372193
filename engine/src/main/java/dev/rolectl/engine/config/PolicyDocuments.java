package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.policy.PolicyParse;
import dev.rolectl.engine.policy.PolicyProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs the policy parser on every policy document of the stack (trust policies, inline policies,
 * customer managed policy documents), after references are expanded, and locates its problems.
 */
final class PolicyDocuments {
  static final String RULE = "policy";

  private PolicyDocuments() {}

  /** The documents that parsed, by where they are, and the problems of the others. */
  record Parsed(Map<YamlPath, PolicyDocument> documents, List<Diagnostic> diagnostics) {}

  static Parsed parse(YamlValue.Mapping root, Collection<YamlPath> schemaErrors,
      Function<Object, PolicyParse> parser) {
    Map<YamlPath, PolicyDocument> documents = new LinkedHashMap<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Map.Entry<YamlPath, YamlValue> found : documents(root).entrySet()) {
      YamlPath path = found.getKey();
      YamlValue doc = found.getValue();
      if (schemaErrors.stream().anyMatch(e -> e.startsWith(path))) {
        continue; // the schema already explained what is wrong with this document
      }
      PolicyParse parse;
      try {
        parse = parser.apply(JsonTree.toJava(doc));
      } catch (RuntimeException e) {
        diagnostics.add(Diagnostic.error(RULE, doc.location(), path.display()
            + ": rolectl could not check this policy document (internal error: "
            + e.getClass().getSimpleName() + "); please report it"));
        continue;
      }
      for (PolicyProblem problem : parse.problems()) {
        YamlPath at = path.append(YamlPath.fromPointer(problem.pointer(), doc));
        diagnostics.add(Diagnostic.error(RULE, locate(root, at, problem.message()),
            at.display() + ": " + problem.message()));
      }
      if (parse.problems().isEmpty()) {
        parse.document().ifPresent(d -> documents.put(path, d));
      }
    }
    return new Parsed(documents, diagnostics);
  }

  /** At the key when the problem is about the key itself ("unknown key 'X'"), else at the value. */
  private static Location locate(YamlValue root, YamlPath at, String message) {
    boolean aboutKey = !at.isRoot() && at.last() instanceof String key
        && message.contains("'" + key + "'");
    return aboutKey ? YamlTree.keyLocation(root, at) : YamlTree.valueLocation(root, at);
  }

  /** The policy documents by where they are: trust policies, inline policies, documents. */
  static Map<YamlPath, YamlValue> documents(YamlValue.Mapping root) {
    Map<YamlPath, YamlValue> docs = new LinkedHashMap<>();
    for (YamlValue.Entry role : entries(root, "roles")) {
      YamlPath base = YamlPath.of("roles", role.key());
      if (role.value() instanceof YamlValue.Mapping r) {
        r.get("trustPolicy").ifPresent(v -> docs.put(base.key("trustPolicy"), v));
        Optional<YamlValue> inline = r.get("inlinePolicies");
        if (inline.isPresent() && inline.get() instanceof YamlValue.Mapping m) {
          m.entries().forEach(e -> docs.put(base.key("inlinePolicies").key(e.key()), e.value()));
        }
      }
    }
    for (YamlValue.Entry policy : entries(root, "policies")) {
      if (policy.value() instanceof YamlValue.Mapping p) {
        p.get("document").ifPresent(v -> docs.put(YamlPath.of("policies", policy.key(), "document"), v));
      }
    }
    return docs;
  }

  static List<YamlValue.Entry> entries(YamlValue.Mapping root, String section) {
    Optional<YamlValue> v = root.get(section);
    return v.isPresent() && v.get() instanceof YamlValue.Mapping m ? m.entries() : List.of();
  }
}
