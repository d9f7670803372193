package dev.rolectl.engine.access;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.policy.PolicyParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Live accounts and plan changes for access tests, built from policy JSON. */
final class AccessFixtures {
  static final String ACCOUNT = "123456789012";
  static final Location LOC = new Location("stack.yaml", 1, 1);
  static final String ECS_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"ecs.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String LB_POLICY =
      "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers";

  private AccessFixtures() {}

  static PolicyDocument doc(String json) {
    return PolicyParser.parseJson(json).document()
        .orElseThrow(() -> new IllegalArgumentException("not a policy: " + json));
  }

  /** {"Version":"2012-10-17","Statement":[STATEMENTS]}. */
  static PolicyDocument statements(String... statements) {
    return doc("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}");
  }

  static String roleArn(String name) {
    return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
  }

  static String policyArn(String name) {
    return "arn:aws:iam::" + ACCOUNT + ":policy/" + name;
  }

  /** A live account, built step by step. */
  static final class Live {
    final Map<String, LiveRole> roles = new LinkedHashMap<>();
    final Map<String, LiveManagedPolicy> policies = new LinkedHashMap<>();
    final List<LivePrincipal> principals = new ArrayList<>();

    Live role(String name, String trust, List<String> attached, Map<String, PolicyDocument> inline,
        String boundary) {
      roles.put(name, new LiveRole(name, "/", roleArn(name), "AROA" + name, null, 3600, doc(trust),
          boundary, Map.of(), attached, inline, List.of(), null));
      return this;
    }

    Live policy(String name, PolicyDocument d) {
      policies.put(name, new LiveManagedPolicy(name, "/", policyArn(name), null, d, "v1",
          List.of("v1"), Map.of(), Map.of()));
      return this;
    }

    Live user(String name, List<String> attached, Map<String, PolicyDocument> inline,
        List<String> groups, String boundary) {
      principals.add(new LivePrincipal(PrincipalType.USER, name, attached, boundary, "/", groups,
          inline, Map.of(), Map.of()));
      return this;
    }

    Live user(String name) {
      return user(name, List.of(), Map.of(), List.of(), null);
    }

    Live group(String name, List<String> attached, Map<String, PolicyDocument> inline) {
      principals.add(new LivePrincipal(PrincipalType.GROUP, name, attached, null, "/", List.of(),
          inline, Map.of(), Map.of()));
      return this;
    }

    LiveAccount account() {
      return new LiveAccount(ACCOUNT, "aws", roles, policies, principals);
    }
  }

  static Role role(String name, String trust) {
    return new Role(Address.role(name), LOC, name, "/", null, 3600, doc(trust), null, Map.of(), null,
        false, false, Set.of());
  }

  static Role role(String name, String trust, String boundary) {
    return new Role(Address.role(name), LOC, name, "/", null, 3600, doc(trust), boundary, Map.of(),
        null, false, false, Set.of());
  }

  static ManagedPolicy policy(String name, PolicyDocument d) {
    return new ManagedPolicy(Address.policy(name), LOC, name, "/", null, d, Map.of(), false, Set.of());
  }

  static RolePolicyAttachment attachment(String role, String arn) {
    return new RolePolicyAttachment(Address.attachment(role, arn), LOC, role, arn, Set.of());
  }

  static InlinePolicy inline(String role, String name, PolicyDocument d) {
    return new InlinePolicy(Address.inline(role, name), LOC, role, name, d, Set.of());
  }

  static PrincipalPolicyAttachment attachTo(PrincipalType type, String principal, String policy) {
    return new PrincipalPolicyAttachment(
        Address.principalAttachment(policy, type, principal), LOC, type, principal, policy,
        policyArn(policy), Set.of());
  }

  static AccessChange create(dev.rolectl.engine.model.Resource r) {
    return new AccessChange(r.address().value(), null, r);
  }

  static AccessChange update(dev.rolectl.engine.model.Resource before,
      dev.rolectl.engine.model.Resource after) {
    return new AccessChange(after.address().value(), before, after);
  }

  static AccessChange delete(dev.rolectl.engine.model.Resource r) {
    return new AccessChange(r.address().value(), r, null);
  }
}
