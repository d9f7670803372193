package dev.rolectl.engine.api;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stack schema's rule on tags, for a stack that did not come through the schema (a saved
 * plan's resolved stack): keys of its roles' and policies' starting with {@code rolectl:}, in any case, are rolectl's own
 * ({@link Stack#RESERVED_TAG_PREFIX}).
 */
final class ReservedTags {
  static final String RULE = "reserved-tag";

  private ReservedTags() {}

  static List<Diagnostic> check(Stack stack) {
    List<Diagnostic> out = new ArrayList<>();
    for (Resource r : stack.resources()) {
      Map<String, String> tags = r instanceof Role role ? role.tags()
          : r instanceof ManagedPolicy p ? p.tags() : Map.of();
      tags.keySet().stream().filter(ReservedTags::reserved).forEach(k -> out.add(
          new Diagnostic(Severity.ERROR, RULE, r.location(), r.address(), r.address()
              + ": the tag key " + k + " is reserved for rolectl")));
    }
    return out;
  }

  private static boolean reserved(String key) {
    return key.toLowerCase(Locale.ROOT).startsWith(Stack.RESERVED_TAG_PREFIX);
  }
}
