package dev.rolectl.cli.render.plan;

import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Describes a policy statement in a few words for reviewers: effect, actions, resources, who, when. */
final class StatementView {
  private StatementView() {}

  static String effect(Statement s) {
    return s.isDeny() ? "Deny" : "Allow";
  }

  static String actions(Statement s) {
    if (!s.notAction().isEmpty()) {
      return "all but " + String.join(", ", s.notAction());
    }
    return String.join(", ", s.action());
  }

  static String resources(Statement s) {
    if (!s.notResource().isEmpty()) {
      return "all but " + String.join(", ", s.notResource());
    }
    return s.resource().isEmpty() ? "" : String.join(", ", s.resource());
  }

  static String principals(Statement s) {
    if (s.notPrincipal() != null) {
      return "anyone but " + principal(s.notPrincipal());
    }
    return s.principal() == null ? "" : principal(s.principal());
  }

  static String principal(Principal p) {
    if (p.wildcard()) {
      return "*";
    }
    List<String> parts = new ArrayList<>();
    p.byType().forEach((type, values) -> parts.add(type + ": " + String.join(", ", values)));
    return String.join("; ", parts);
  }

  static String conditions(Statement s) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<String>>> op : s.condition().entrySet()) {
      op.getValue()
          .forEach(
              (key, values) ->
                  parts.add(op.getKey() + " " + key + " = " + String.join(" | ",
                      values.stream().map(StatementView::value).toList())));
    }
    return String.join("; ", parts);
  }

  /** A condition value as it reads: the empty string shows as "" rather than as nothing. */
  static String value(String v) {
    return v.isEmpty() ? "\"\"" : v;
  }

  /** One line: {@code Allow sts:AssumeRole for Service: ecs.amazonaws.com (Sid X)}. */
  static String oneLine(Statement s) {
    StringBuilder b = new StringBuilder(effect(s)).append(' ').append(actions(s));
    String resources = resources(s);
    if (!resources.isEmpty()) {
      b.append(" on ").append(resources);
    }
    String principals = principals(s);
    if (!principals.isEmpty()) {
      b.append(" for ").append(principals);
    }
    String conditions = conditions(s);
    if (!conditions.isEmpty()) {
      b.append(" when ").append(conditions);
    }
    if (s.sid() != null) {
      b.append(" (Sid ").append(s.sid()).append(')');
    }
    return b.toString();
  }
}
