package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that need the whole stack with references expanded: a managed policy listed twice on a
 * role, {@code attachTo.roles} naming a role of the stack, and more tags than IAM allows once the
 * stack's default tags are merged in.
 */
final class StackChecks {
  static final String RULE = "stack";
  /** IAM allows 50 tags; rolectl adds its own {@code rolectl:stack}. */
  static final int MAX_USER_TAGS = 49;

  private StackChecks() {}

  static List<Diagnostic> check(YamlValue.Mapping root) {
    List<Diagnostic> out = new ArrayList<>();
    Set<String> stackTags = keys(root.get("tags"));
    tagKeyCase(YamlPath.of("tags"), root.get("tags"), Map.of(), out);
    Map<String, String> stackKeys = new HashMap<>();
    stackTags.forEach(k -> stackKeys.put(k.toLowerCase(java.util.Locale.ROOT), k));
    Set<String> roleNames = new HashSet<>();
    PolicyDocuments.entries(root, "roles").forEach(e -> roleNames.add(e.key()));
    for (YamlValue.Entry role : PolicyDocuments.entries(root, "roles")) {
      if (role.value() instanceof YamlValue.Mapping r) {
        YamlPath base = YamlPath.of("roles", role.key());
        duplicateArns(base.key("managedPolicies"), r.get("managedPolicies"), out);
        tagCount(base, role, r, stackTags, out);
        tagKeyCase(base.key("tags"), r.get("tags"), stackKeys, out);
      }
    }
    for (YamlValue.Entry policy : PolicyDocuments.entries(root, "policies")) {
      if (policy.value() instanceof YamlValue.Mapping p) {
        YamlPath base = YamlPath.of("policies", policy.key());
        tagCount(base, policy, p, stackTags, out);
        tagKeyCase(base.key("tags"), p.get("tags"), stackKeys, out);
        stackRolesInAttachTo(base, policy.key(), p, roleNames, out);
      }
    }
    return out;
  }

  private static void duplicateArns(YamlPath path, Optional<YamlValue> list, List<Diagnostic> out) {
    if (list.isEmpty() || !(list.get() instanceof YamlValue.Sequence s)) {
      return;
    }
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < s.items().size(); i++) {
      if (s.items().get(i) instanceof YamlValue.Scalar arn) {
        Integer before = first.putIfAbsent(arn.text(), i);
        if (before != null) {
          out.add(Diagnostic.error(RULE, arn.location(), path.index(i).display() + ": '"
              + arn.text() + "' is already listed at " + path.index(before).display() + " (line "
              + s.items().get(before).location().line() + "); remove one"));
        }
      }
    }
  }

  private static void tagCount(YamlPath base, YamlValue.Entry resource, YamlValue.Mapping r,
      Set<String> stackTags, List<Diagnostic> out) {
    Set<String> merged = new HashSet<>(stackTags);
    merged.addAll(keys(r.get("tags")));
    if (merged.size() > MAX_USER_TAGS) {
      Optional<YamlValue.Entry> tags = r.entry("tags");
      out.add(Diagnostic.error(RULE, tags.map(YamlValue.Entry::keyLocation)
              .orElse(resource.keyLocation()), base.display() + ": has " + merged.size()
              + " tags with the stack's default tags; IAM allows 50 and rolectl adds rolectl:stack,"
              + " so at most " + MAX_USER_TAGS + ": remove some"));
    }
  }

  /**
   * Tag keys that differ only in case, in one mapping or against the stack's default tags (by
   * lower-case key): IAM's tag keys are case-insensitive and it refuses the pair ("Duplicate tag
   * keys found. Please note that Tag keys are case insensitive."), so the merged tags would fail.
   */
  private static void tagKeyCase(YamlPath path, Optional<YamlValue> tags,
      Map<String, String> stackKeys, List<Diagnostic> out) {
    if (tags.isEmpty() || !(tags.get() instanceof YamlValue.Mapping m)) {
      return;
    }
    Map<String, String> seen = new HashMap<>();
    for (YamlValue.Entry e : m.entries()) {
      String lower = e.key().toLowerCase(java.util.Locale.ROOT);
      String here = seen.putIfAbsent(lower, e.key());
      String stack = stackKeys.get(lower);
      String other = here != null ? "'" + here + "' here"
          : stack != null && !stack.equals(e.key()) ? "the stack's default tag '" + stack + "'"
          : null;
      if (other != null) {
        out.add(Diagnostic.error(RULE, e.keyLocation(), path.display() + ": tag key '" + e.key()
            + "' and " + other + " differ only in case, but IAM's tag keys are case-insensitive"
            + " and it refuses both on one resource (\"Duplicate tag keys found\"): spell them"
            + " the same (the resource's own value then wins over the default)"));
      }
    }
  }

  private static void stackRolesInAttachTo(YamlPath base, String policy, YamlValue.Mapping p,
      Set<String> roleNames, List<Diagnostic> out) {
    Optional<YamlValue> attach = p.get("attachTo");
    if (attach.isEmpty() || !(attach.get() instanceof YamlValue.Mapping a)) {
      return;
    }
    Optional<YamlValue> roles = a.get("roles");
    if (roles.isEmpty() || !(roles.get() instanceof YamlValue.Sequence s)) {
      return;
    }
    for (int i = 0; i < s.items().size(); i++) {
      if (!(s.items().get(i) instanceof YamlValue.Scalar name)) {
        continue;
      }
      // IAM role names are case-insensitive: [Infra] names the stack's role infra.
      Optional<String> own = roleNames.stream().filter(n -> n.equalsIgnoreCase(name.text()))
          .findFirst();
      if (own.isPresent()) {
        out.add(Diagnostic.error(RULE, name.location(), base.key("attachTo").key("roles").index(i)
            .display() + ": role '" + name.text() + "' is managed by this stack"
            + (own.get().equals(name.text()) ? "" : " (as " + own.get() + "; IAM role names"
                + " ignore case)") + "; attach the policy with roles." + own.get()
            + ".managedPolicies: ['${policies." + policy + ".arn}'] instead"));
      }
    }
  }

  private static Set<String> keys(Optional<YamlValue> mapping) {
    Set<String> keys = new HashSet<>();
    if (mapping.isPresent() && mapping.get() instanceof YamlValue.Mapping m) {
      m.entries().forEach(e -> keys.add(e.key()));
    }
    return keys;
  }
}
