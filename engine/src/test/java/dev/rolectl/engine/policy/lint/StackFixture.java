package dev.rolectl.engine.policy.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.EcsInfrastructure;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.SourceMap;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.model.StackSettings;
import dev.rolectl.engine.policy.PolicyParse;
import dev.rolectl.engine.policy.PolicyParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds Stack records for lint tests, the way the loader would. */
final class StackFixture {
  static final String ACCOUNT = "111122223333";
  static final String FILE = "stack.yaml";
  static final String ECS_TRUST = "{'Version':'2012-10-17','Statement':[{"
      + "'Sid':'AllowAccessToECSForInfrastructureManagement','Effect':'Allow',"
      + "'Principal':{'Service':'ecs.amazonaws.com'},'Action':'sts:AssumeRole'}]}";
  static final String LB_POLICY =
      "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers";

  private final List<Resource> resources = new ArrayList<>();
  private final Map<String, Location> sourceMap = new HashMap<>();
  private StackSettings settings = StackSettings.defaults();
  private int line = 1;

  static PolicyDocument json(String text) {
    PolicyParse p = PolicyParser.parseJson(text.replace('\'', '"'));
    assertEquals(List.of(), p.problems());
    return p.document().orElseThrow();
  }

  /** A one-statement identity policy with the statement's members as JSON. */
  static String identity(String members) {
    return "{'Version':'2012-10-17','Statement':[{" + members + "}]}";
  }

  private Location next() {
    return new Location(FILE, line++, 3);
  }

  StackFixture role(String name, String trustJson) {
    return role(name, trustJson, null, 3600, Map.of());
  }

  StackFixture role(String name, String trustJson, EcsInfrastructure ecs, int maxSession,
      Map<String, String> tags) {
    return role(new Role(Address.role(name), next(), name, "/", null, maxSession,
        json(trustJson), null, tags, ecs, false, false, Set.of()));
  }

  StackFixture role(Role role) {
    resources.add(role);
    return this;
  }

  StackFixture inline(String role, String policy, String documentJson) {
    resources.add(new InlinePolicy(Address.inline(role, policy), next(), role, policy,
        json(documentJson), Set.of(Address.role(role))));
    return this;
  }

  StackFixture policy(String name, String documentJson) {
    return policy(name, "/", documentJson, Map.of());
  }

  StackFixture policy(String name, String path, String documentJson, Map<String, String> tags) {
    resources.add(new ManagedPolicy(Address.policy(name), next(), name, path, null,
        json(documentJson), tags, false, Set.of()));
    return this;
  }

  StackFixture attach(String role, String arn) {
    resources.add(new RolePolicyAttachment(Address.attachment(role, arn), next(), role, arn,
        Set.of(Address.role(role))));
    return this;
  }

  StackFixture attachTo(String policy, PrincipalType type, String principal) {
    resources.add(new PrincipalPolicyAttachment(
        Address.principalAttachment(policy, type, principal), next(), type, principal, policy,
        "arn:aws:iam::" + ACCOUNT + ":policy/" + policy, Set.of(Address.policy(policy))));
    return this;
  }

  StackFixture at(String pointer, int line, int column) {
    sourceMap.put(pointer, new Location(FILE, line, column));
    return this;
  }

  StackFixture settings(StackSettings s) {
    this.settings = s;
    return this;
  }

  Stack build() {
    return new Stack("test", null, ACCOUNT, "aws", Map.of(), resources, settings,
        new SourceMap(sourceMap));
  }

  List<Diagnostic> lint() {
    return PolicyLinter.lint(build());
  }

  /** Findings of one rule. */
  List<Diagnostic> lint(String rule) {
    return lint().stream().filter(d -> d.rule().equals(rule)).toList();
  }
}
