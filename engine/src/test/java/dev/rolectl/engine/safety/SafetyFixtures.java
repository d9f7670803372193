package dev.rolectl.engine.safety;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.EcsInfrastructure;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.SourceMap;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.model.StackSettings;
import dev.rolectl.engine.plan.Differ;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanOptions;
import dev.rolectl.engine.plan.PlanResult;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.policy.PolicyParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stacks, live accounts and plans for the safety tests, without YAML or AWS. */
final class SafetyFixtures {
  static final String ACCOUNT = "123456789012";
  static final String STACK = "ecs-platform";
  static final String ROLE = "ecsInfrastructureRoleForLoadBalancers";
  static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/" + ROLE;
  static final String LB_POLICY =
      "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers";
  static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Location LOC = new Location("stack.yaml", 3, 3);

  /** The guide's trust policy. */
  static final PolicyDocument TRUST_ECS =
      doc(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowAccessToECSForInfrastructureManagement\","
              + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");

  static final PolicyDocument TRUST_ECS_TASKS =
      doc(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
              + "{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");

  static final PolicyDocument TRUST_EC2 =
      doc(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
              + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");

  private SafetyFixtures() {}

  static PolicyDocument doc(String json) {
    return PolicyParser.parseJson(json).document().orElseThrow();
  }

  /** One Allow statement (Sid Main, so that changes to it pair up) on every resource. */
  static PolicyDocument allow(String... actions) {
    return doc(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Main\",\"Effect\":\"Allow\",\"Action\":"
            + json(actions)
            + ",\"Resource\":\"*\"}]}");
  }

  private static String json(String... values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ",").append('"').append(values[i]).append('"');
    }
    return sb.append(']').toString();
  }

  /** A declared role: the guide's role with {@code ecsInfrastructure: loadBalancers}. */
  static Role role(String name, PolicyDocument trust, EcsInfrastructure kind) {
    return role(name, "/", trust, kind, null);
  }

  static Role role(
      String name, String path, PolicyDocument trust, EcsInfrastructure kind, String boundary) {
    return new Role(
        Address.role(name),
        LOC,
        name,
        path,
        null,
        3600,
        trust,
        boundary,
        Map.of(),
        kind,
        false,
        false,
        Set.of());
  }

  static RolePolicyAttachment attachment(String role, String arn) {
    return new RolePolicyAttachment(
        Address.attachment(role, arn), LOC, role, arn, Set.of(Address.role(role)));
  }

  static InlinePolicy inline(String role, String name, PolicyDocument doc) {
    return new InlinePolicy(
        Address.inline(role, name), LOC, role, name, doc, Set.of(Address.role(role)));
  }

  static ManagedPolicy policy(String name, PolicyDocument doc) {
    return new ManagedPolicy(
        Address.policy(name), LOC, name, "/", null, doc, Map.of(), false, Set.of());
  }

  static Stack stack(Resource... resources) {
    return stack(StackSettings.defaults(), resources);
  }

  static Stack stack(StackSettings settings, Resource... resources) {
    return new Stack(
        STACK, null, ACCOUNT, "aws", Map.of(), List.of(resources), settings, SourceMap.empty());
  }

  static Plan plan(Stack stack, LiveAccount live) {
    PlanResult result = Differ.plan(stack, live, new PlanOptions(false, "aws", NOW));
    return result.plan().orElseThrow(() -> new AssertionError("no plan: " + result.diagnostics()));
  }

  static ResourceChange change(Plan plan, Address address) {
    return plan.changes().stream()
        .filter(c -> c.address().equals(address))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no change for " + address + " in " + plan.changes()));
  }

  /** A live account, built up role by role. */
  static final class Live {
    private final Map<String, LiveRole> roles = new LinkedHashMap<>();
    private final Map<String, LiveManagedPolicy> policies = new LinkedHashMap<>();

    /** A role the stack owns (tagged rolectl:stack). */
    Live role(
        String name,
        PolicyDocument trust,
        List<String> attached,
        Map<String, PolicyDocument> inline) {
      return role(name, trust, attached, inline, null, null);
    }

    Live role(
        String name,
        PolicyDocument trust,
        List<String> attached,
        Map<String, PolicyDocument> inline,
        String boundary,
        Instant lastUsed) {
      return role(name, STACK, trust, attached, inline, boundary, lastUsed);
    }

    /** A role of stack {@code owner} ({@code null}: of none, made by hand). */
    Live role(
        String name,
        String owner,
        PolicyDocument trust,
        List<String> attached,
        Map<String, PolicyDocument> inline,
        String boundary,
        Instant lastUsed) {
      roles.put(
          name,
          new LiveRole(
              name,
              "/",
              "arn:aws:iam::" + ACCOUNT + ":role/" + name,
              "AROA" + name,
              null,
              3600,
              trust,
              boundary,
              owner == null ? Map.of() : Map.of("rolectl:stack", owner),
              attached,
              inline,
              List.of(),
              lastUsed));
      return this;
    }

    /** Puts the role (added before) into these instance profiles. */
    Live inProfiles(String name, String... profiles) {
      LiveRole r = roles.get(name);
      roles.put(name, new LiveRole(r.name(), r.path(), r.arn(), r.roleId(), r.description(),
          r.maxSessionDuration(), r.trustPolicy(), r.permissionsBoundaryArn(), r.tags(),
          r.attachedPolicyArns(), r.inlinePolicies(), List.of(profiles), r.lastUsed()));
      return this;
    }

    Live policy(String name, PolicyDocument doc, List<String> attachedToRoles) {
      policies.put(
          name,
          new LiveManagedPolicy(
              name,
              "/",
              "arn:aws:iam::" + ACCOUNT + ":policy/" + name,
              null,
              doc,
              "v1",
              List.of("v1"),
              Map.of("rolectl:stack", STACK),
              attachedToRoles.isEmpty() ? Map.of() : Map.of(PrincipalType.ROLE, attachedToRoles)));
      return this;
    }

    LiveAccount build() {
      return new LiveAccount(ACCOUNT, "aws", roles, policies, List.of());
    }
  }
}
