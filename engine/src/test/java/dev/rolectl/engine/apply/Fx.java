package dev.rolectl.engine.apply;

import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.Targets;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.EngineEvent;
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
import dev.rolectl.engine.plan.Differ;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanOptions;
import dev.rolectl.engine.plan.PlanResult;
import dev.rolectl.engine.policy.PolicyParser;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders for apply tests: stacks without YAML, plans against a local account file. */
final class Fx {
  static final String ACCOUNT = "123456789012";
  static final String STACK = "team";
  static final Location LOC = new Location("stack.yaml", 1, 1);
  static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  static final String LB = "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers";

  private Fx() {}

  static PolicyDocument doc(String json) {
    return PolicyParser.parseJson(json).document().orElseThrow();
  }

  static PolicyDocument trust(String service) {
    return doc(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
            + service + "\"},\"Action\":\"sts:AssumeRole\"}]}");
  }

  static PolicyDocument allow(String action) {
    return doc(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
            + "\",\"Resource\":\"*\"}]}");
  }

  static Role role(String name) {
    return role(name, "/", null, Map.of());
  }

  static Role role(String name, String path, String description, Map<String, String> tags) {
    return new Role(
        Address.role(name), LOC, name, path, description, 3600, trust("ecs.amazonaws.com"), null,
        tags, null, false, false, Set.of());
  }

  static Role withTrust(Role r, PolicyDocument trust) {
    return new Role(
        r.address(), r.location(), r.name(), r.path(), r.description(), r.maxSessionDuration(),
        trust, r.permissionsBoundary(), r.tags(), r.ecsInfrastructure(), r.protect(), r.adopt(),
        r.dependsOn());
  }

  static Role adopting(Role r) {
    return new Role(
        r.address(), r.location(), r.name(), r.path(), r.description(), r.maxSessionDuration(),
        r.trustPolicy(), r.permissionsBoundary(), r.tags(), r.ecsInfrastructure(), r.protect(), true,
        r.dependsOn());
  }

  static RolePolicyAttachment attach(String role, String arn) {
    Set<Address> deps = new java.util.HashSet<>(Set.of(Address.role(role)));
    if (arn.contains(":" + ACCOUNT + ":policy/")) {
      deps.add(Address.policy(arn.substring(arn.lastIndexOf('/') + 1)));
    }
    return new RolePolicyAttachment(Address.attachment(role, arn), LOC, role, arn, deps);
  }

  static InlinePolicy inline(String role, String name, PolicyDocument doc) {
    return new InlinePolicy(Address.inline(role, name), LOC, role, name, doc, Set.of(Address.role(role)));
  }

  static ManagedPolicy policy(String name, PolicyDocument doc) {
    return policy(name, "/", null, doc);
  }

  static ManagedPolicy policy(String name, String path, String description, PolicyDocument doc) {
    return new ManagedPolicy(Address.policy(name), LOC, name, path, description, doc, Map.of(), false, Set.of());
  }

  static String policyArn(String name) {
    return "arn:aws:iam::" + ACCOUNT + ":policy/" + name;
  }

  static PrincipalPolicyAttachment attachTo(String policy, PrincipalType type, String principal) {
    return new PrincipalPolicyAttachment(
        Address.principalAttachment(policy, type, principal), LOC, type, principal, policy,
        policyArn(policy), Set.of(Address.policy(policy)));
  }

  static Stack stack(Resource... resources) {
    return stack(List.of(resources));
  }

  static Stack stack(List<Resource> resources) {
    return new Stack(STACK, null, ACCOUNT, "aws", Map.of(), resources, StackSettings.defaults(), SourceMap.empty());
  }

  /** An account in a local file with the plan, apply and read operations the tests use. */
  static final class Account {
    final Path file;
    final List<EngineEvent> events = Collections.synchronizedList(new ArrayList<>());

    Account(Path file) {
      this.file = file;
    }

    Target target() {
      return Targets.open("local:" + file, null);
    }

    LiveAccount read(Stack stack) {
      try (Target t = target()) {
        return t.iam().read(StalePlan.readRequest(stack));
      }
    }

    Plan plan(Stack stack) {
      PlanResult r = Differ.plan(stack, read(stack), new PlanOptions(false, "local:" + file, Instant.EPOCH));
      return r.plan().orElseThrow(() -> new AssertionError("no plan: " + r.diagnostics()));
    }

    IamWriter writer() {
      try (Target t = target()) {
        return t.writer().orElseThrow();
      }
    }

    ApplyResult apply(Plan plan, ApplyOptions options) {
      return Applier.apply(plan, writer(), options, events::add);
    }

    ApplyResult apply(Plan plan) {
      return apply(plan, options());
    }

    static ApplyOptions options() {
      return ApplyOptions.defaults("aws").withSleeper(d -> {});
    }
  }
}
