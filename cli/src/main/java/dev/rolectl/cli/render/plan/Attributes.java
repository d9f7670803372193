package dev.rolectl.cli.render.plan;

import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.InstanceProfile;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The attributes of a resource as shown in plans, in stack-file order. */
final class Attributes {
  private Attributes() {}

  /** Scalar attributes (documents excluded), absent ones left out. */
  static Map<String, String> scalars(Resource r) {
    Map<String, String> a = new LinkedHashMap<>();
    if (r instanceof Role role) {
      a.put("path", role.path());
      put(a, "description", role.description());
      a.put("maxSessionDuration", Integer.toString(role.maxSessionDuration()));
      put(a, "permissionsBoundary", role.permissionsBoundary());
      new TreeMap<>(role.tags()).forEach((k, v) -> a.put("tags." + k, v));
    } else if (r instanceof ManagedPolicy p) {
      a.put("path", p.path());
      put(a, "description", p.description());
      new TreeMap<>(p.tags()).forEach((k, v) -> a.put("tags." + k, v));
    } else if (r instanceof RolePolicyAttachment att) {
      a.put("policyArn", att.policyArn());
    } else if (r instanceof PrincipalPolicyAttachment att) {
      a.put("policyArn", att.policyArn());
    } else if (r instanceof InstanceProfile ip) {
      a.put("path", ip.path());
      put(a, "role", ip.roleName());
      new TreeMap<>(ip.tags()).forEach((k, v) -> a.put("tags." + k, v));
    }
    return a;
  }

  /** Policy documents of a resource by attribute name. */
  static Map<String, PolicyDocument> documents(Resource r) {
    if (r instanceof Role role) {
      return Map.of("trustPolicy", role.trustPolicy());
    }
    if (r instanceof ManagedPolicy p) {
      return Map.of("document", p.document());
    }
    if (r instanceof InlinePolicy i) {
      return Map.of("document", i.document());
    }
    return Map.of();
  }

  private static void put(Map<String, String> a, String key, String value) {
    if (value != null) {
      a.put(key, value);
    }
  }
}
