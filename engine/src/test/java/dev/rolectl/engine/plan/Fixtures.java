package dev.rolectl.engine.plan;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.SourceMap;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.model.StackSettings;
import dev.rolectl.engine.model.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small builders for differ tests: stacks and live accounts without YAML or AWS. */
final class Fixtures {
  static final String ACCOUNT = "123456789012";
  static final String STACK = "ecs-platform";
  static final String LB_POLICY =
      "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers";
  static final Location LOC = new Location("stack.yaml", 3, 3);

  private Fixtures() {}

  static PolicyDocument trust(String service) {
    return new PolicyDocument(
        "2012-10-17",
        null,
        List.of(
            new Statement(
                null,
                "Allow",
                Principal.of(Map.of("Service", List.of(service))),
                null,
                List.of("sts:AssumeRole"),
                List.of(),
                List.of(),
                List.of(),
                Map.of())));
  }

  static PolicyDocument allow(String action, String resource) {
    return new PolicyDocument(
        "2012-10-17",
        null,
        List.of(
            new Statement(
                null, "Allow", null, null, List.of(action), List.of(), List.of(resource),
                List.of(), Map.of())));
  }

  static Role role(String name) {
    return role(name, "/", Map.of());
  }

  static Role role(String name, String path, Map<String, String> tags) {
    return new Role(
        Address.role(name), LOC, name, path, null, 3600, trust("ecs.amazonaws.com"), null, tags,
        null, false, false, Set.of());
  }

  static Role adoptable(Role r) {
    return new Role(
        r.address(), r.location(), r.name(), r.path(), r.description(), r.maxSessionDuration(),
        r.trustPolicy(), r.permissionsBoundary(), r.tags(), r.ecsInfrastructure(), r.protect(),
        true, r.dependsOn());
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

  /** A mutable live account for tests. */
  static final class Live {
    private final Map<String, LiveRole> roles = new LinkedHashMap<>();
    private final Map<String, LiveManagedPolicy> policies = new LinkedHashMap<>();

    Live role(
        String name,
        String path,
        PolicyDocument trust,
        Map<String, String> tags,
        List<String> attachments,
        Map<String, PolicyDocument> inline) {
      roles.put(
          name,
          new LiveRole(
              name, path, "arn:aws:iam::" + ACCOUNT + ":role" + path + name, "AROA" + name, null,
              3600, trust, null, tags, attachments, inline, List.of(), null));
      return this;
    }

    Live ownedRole(String name, List<String> attachments) {
      return role(
          name, "/", trust("ecs.amazonaws.com"), Map.of("rolectl:stack", STACK), attachments,
          Map.of());
    }

    Live policy(String name, PolicyDocument doc, Map<String, String> tags,
        Map<PrincipalType, List<String>> attachments) {
      policies.put(
          name,
          new LiveManagedPolicy(
              name, "/", "arn:aws:iam::" + ACCOUNT + ":policy/" + name, null, doc, "v1",
              List.of("v1"), tags, attachments));
      return this;
    }

    LiveAccount build() {
      return new LiveAccount(ACCOUNT, "aws", roles, policies, List.of());
    }
  }

  static Map<String, String> owned(Map<String, String> extra) {
    Map<String, String> tags = new HashMap<>(extra);
    tags.put("rolectl:stack", STACK);
    return tags;
  }

  static List<String> list(String... s) {
    return new ArrayList<>(List.of(s));
  }
}
