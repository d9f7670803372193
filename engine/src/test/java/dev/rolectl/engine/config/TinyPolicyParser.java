package dev.rolectl.engine.config;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.policy.PolicyParse;
import dev.rolectl.engine.policy.PolicyProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TEMPORARY test stand-in for {@code policy.PolicyParser} (built in parallel on another branch):
 * just enough to turn the tree StackLoader passes into a PolicyDocument and to report a problem
 * with a pointer. Replace with PolicyParser::parse once the policy branch is merged into main.
 */
final class TinyPolicyParser {
  private TinyPolicyParser() {}

  @SuppressWarnings("unchecked")
  static PolicyParse parse(Object tree) {
    List<PolicyProblem> problems = new ArrayList<>();
    Map<String, Object> doc = (Map<String, Object>) tree;
    Object raw = doc.get("Statement");
    List<Object> items = raw instanceof List ? (List<Object>) raw : List.of(raw);
    List<Statement> statements = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> s = (Map<String, Object>) items.get(i);
      String at = raw instanceof List ? "/Statement/" + i : "/Statement";
      if (s.containsKey("Action") && s.containsKey("NotAction")) {
        problems.add(new PolicyProblem(at + "/NotAction",
            "a statement has either Action or NotAction, not both"));
      }
      statements.add(new Statement((String) s.get("Sid"), (String) s.get("Effect"),
          principal(s.get("Principal")), principal(s.get("NotPrincipal")), strings(s.get("Action")),
          strings(s.get("NotAction")), strings(s.get("Resource")), strings(s.get("NotResource")),
          condition(s.get("Condition"))));
    }
    return new PolicyParse(problems.isEmpty()
        ? Optional.of(new PolicyDocument((String) doc.get("Version"), (String) doc.get("Id"),
            statements))
        : Optional.empty(), problems);
  }

  @SuppressWarnings("unchecked")
  private static Principal principal(Object raw) {
    if (raw == null) {
      return null;
    }
    if ("*".equals(raw)) {
      return Principal.any();
    }
    Map<String, List<String>> byType = new LinkedHashMap<>();
    ((Map<String, Object>) raw).forEach((k, v) -> byType.put(k, strings(v)));
    return Principal.of(byType);
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object raw) {
    if (raw == null) {
      return List.of();
    }
    if (raw instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      list.forEach(v -> out.add(String.valueOf(v)));
      return out;
    }
    return List.of(String.valueOf(raw));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, List<String>>> condition(Object raw) {
    Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
    if (raw != null) {
      ((Map<String, Object>) raw).forEach((op, keys) -> {
        Map<String, List<String>> k = new LinkedHashMap<>();
        ((Map<String, Object>) keys).forEach((key, v) -> k.put(key, strings(v)));
        out.put(op, k);
      });
    }
    return out;
  }
}
