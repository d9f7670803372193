package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Suggest;
import dev.rolectl.engine.model.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code ${...}} expression stands for: a role or policy ARN or name, the account id or
 * partition, a variable, or an IAM policy variable such as {@code ${aws:username}} (kept as is).
 */
final class References {
  private static final Pattern RESOURCE = Pattern.compile("(roles|policies)\\.(.+)\\.(arn|name)");
  private static final Set<String> IAM_SPECIAL = Set.of("*", "?", "$");
  private static final List<String> AWS_KEYS = List.of("accountId", "partition");
  static final String FORMS = "${roles.NAME.arn}, ${roles.NAME.name}, ${policies.NAME.arn},"
      + " ${policies.NAME.name}, ${aws.accountId}, ${aws.partition} and ${var.NAME}";

  private final String partition;
  private final String accountId;
  private final Map<String, String> vars;
  private final Map<String, String> rolePaths;
  private final Map<String, String> policyPaths;

  /** The expansion (with the stack resource it refers to, if any), or an error message. */
  record Outcome(String value, Address target, String error) {
    static Outcome of(String value) {
      return new Outcome(value, null, null);
    }

    static Outcome error(String message) {
      return new Outcome(null, null, message);
    }
  }

  References(String partition, String accountId, Map<String, String> vars,
      Map<String, String> rolePaths, Map<String, String> policyPaths) {
    this.partition = partition;
    this.accountId = accountId;
    this.vars = Map.copyOf(vars);
    this.rolePaths = Map.copyOf(rolePaths);
    this.policyPaths = Map.copyOf(policyPaths);
  }

  String roleArn(String name) {
    return "arn:" + partition + ":iam::" + accountId + ":role" + rolePaths.get(name) + name;
  }

  String policyArn(String name) {
    return "arn:" + partition + ":iam::" + accountId + ":policy" + policyPaths.get(name) + name;
  }

  /** Policy names of the stack by ARN, to recognise literal ARNs of stack policies. */
  Map<String, String> policiesByArn() {
    Map<String, String> byArn = new java.util.HashMap<>();
    policyPaths.keySet().forEach(name -> byArn.put(policyArn(name), name));
    return byArn;
  }

  /**
   * Escapes a literal text for a place where references are expanded, so that it loads back as
   * itself: every {@code ${} that would be read as a reference becomes {@code $${}; IAM policy
   * variables such as {@code ${aws:username}} stay as they are.
   */
  static String escape(String literal) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < literal.length()) {
      int at = literal.indexOf("${", i);
      if (at < 0) {
        break;
      }
      int end = literal.indexOf('}', at + 2);
      String inner = end < 0 ? null : literal.substring(at + 2, end);
      boolean iamVariable = inner != null && !isOurs(inner)
          && (inner.contains(":") || IAM_SPECIAL.contains(inner));
      out.append(literal, i, at).append(iamVariable ? "${" : "$${");
      i = at + 2;
    }
    return out.append(literal.substring(i)).toString();
  }

  private static boolean isOurs(String inner) {
    return inner.startsWith("roles.") || inner.startsWith("policies.") || inner.startsWith("var.")
        || inner.startsWith("aws.");
  }

  /** Resolves the text between {@code ${} and {@code }}. */
  Outcome resolve(String inner, boolean stackLevel) {
    String ref = "${" + inner + "}";
    Matcher m = RESOURCE.matcher(inner);
    if (m.matches()) {
      if (stackLevel) {
        return Outcome.error(ref + ": stack-level tags cannot refer to roles or policies (every"
            + " resource would depend on them); use a literal or ${var.NAME}");
      }
      boolean role = m.group(1).equals("roles");
      Map<String, String> known = role ? rolePaths : policyPaths;
      String name = declaredName(m.group(2), known.keySet());
      if (!known.containsKey(name)) {
        return Outcome.error(unknownName(role ? "role" : "policy", name, ref, known.keySet()));
      }
      String value = m.group(3).equals("name") ? name : role ? roleArn(name) : policyArn(name);
      return new Outcome(value, role ? Address.role(name) : Address.policy(name), null);
    }
    if (inner.startsWith("roles.") || inner.startsWith("policies.")) {
      String kind = inner.startsWith("roles.") ? "roles" : "policies";
      return Outcome.error(ref + " is not a valid reference: write ${" + kind + ".NAME.arn} or ${"
          + kind + ".NAME.name}");
    }
    if (inner.startsWith("aws.")) {
      String key = inner.substring(4);
      return switch (key) {
        case "accountId" -> Outcome.of(accountId);
        case "partition" -> Outcome.of(partition);
        default -> Outcome.error("unknown reference " + ref + ";" + Suggest.didYouMean(key, AWS_KEYS)
            + " only ${aws.accountId} and ${aws.partition} exist (IAM policy variables are"
            + " written with a colon, e.g. ${aws:username})");
      };
    }
    if (inner.startsWith("var.")) {
      String name = inner.substring(4);
      String value = vars.get(name);
      if (value == null) {
        return Outcome.error("unknown variable '" + name + "' in " + ref + ";"
            + Suggest.didYouMean(name, vars.keySet()) + " pass --var " + name
            + "=VALUE or define it in a --var-file" + known("variables", vars.keySet()));
      }
      return Outcome.of(value);
    }
    if (inner.contains(":") || IAM_SPECIAL.contains(inner)) {
      return Outcome.of(ref); // an IAM policy variable, for IAM to evaluate
    }
    return Outcome.error("unknown reference " + ref + "; references are " + FORMS
        + "; write $${ for a literal ${");
  }

  /**
   * The declared name a reference means: IAM names match case-insensitively, so {@code
   * ${roles.deployrole.arn}} means role {@code DeployRole} (and gives its ARN as declared).
   */
  private static String declaredName(String name, Set<String> names) {
    if (names.contains(name)) {
      return name;
    }
    return names.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst().orElse(name);
  }

  private static String unknownName(String kind, String name, String ref, Set<String> names) {
    String section = kind.equals("role") ? "roles" : "policies";
    return "unknown " + kind + " '" + name + "' in " + ref + ";" + Suggest.didYouMean(name, names)
        + (names.isEmpty() ? " this stack defines no " + section
            : " " + section + " of this stack: " + list(names));
  }

  private static String known(String what, Set<String> names) {
    return names.isEmpty() ? " (no " + what + " are defined)"
        : " (known " + what + ": " + list(names) + ")";
  }

  private static String list(Set<String> names) {
    List<String> sorted = new ArrayList<>(names);
    java.util.Collections.sort(sorted);
    return sorted.size() > 10
        ? String.join(", ", sorted.subList(0, 10)) + ", ..." : String.join(", ", sorted);
  }
}
