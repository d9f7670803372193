package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.EcsInfrastructure;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.InstanceProfile;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the model {@link Stack} from a merged, reference-expanded and error-free tree: one
 * resource per role, managed policy attachment, inline policy, customer managed policy and
 * principal attachment, with defaults applied, stack tags merged in and dependencies recorded.
 */
final class StackAssembler {
  private final Fields root;
  private final Map<YamlPath, PolicyDocument> documents;
  private final Dependencies deps;
  private final Map<String, String> stackTags;

  private StackAssembler(YamlValue.Mapping root, Map<YamlPath, PolicyDocument> documents,
      Dependencies deps) {
    this.root = new Fields(root);
    this.documents = documents;
    this.deps = deps;
    this.stackTags = this.root.stringMap("tags");
  }

  static Stack assemble(YamlValue.Mapping root, Map<YamlPath, PolicyDocument> documents,
      Dependencies deps, String account, String accountId, String partition) {
    StackAssembler a = new StackAssembler(root, documents, deps);
    List<Resource> resources = new ArrayList<>();
    for (YamlValue.Entry e : PolicyDocuments.entries(root, "roles")) {
      a.role(e, resources);
    }
    for (YamlValue.Entry e : PolicyDocuments.entries(root, "policies")) {
      a.policy(e, resources, partition, accountId);
    }
    return new Stack(a.root.string("stack", null), account, accountId, partition, a.stackTags,
        resources, a.settings(), new SourceMap(YamlTree.pointerIndex(root)));
  }

  private void role(YamlValue.Entry entry, List<Resource> out) {
    String name = entry.key();
    YamlPath base = YamlPath.of("roles", name);
    Fields r = new Fields((YamlValue.Mapping) entry.value());
    String boundary = r.string("permissionsBoundary", null);
    Set<Address> roleDeps = deps.of(base);
    if (boundary != null) {
      roleDeps.addAll(deps.literalPolicyArn(boundary));
    }
    roleDeps.remove(Address.role(name));
    roleDeps.removeAll(deps.trustOnlyRoles(base));
    Address roleAddress = Address.role(name);
    out.add(new Role(roleAddress, entry.keyLocation(), name, r.string("path", "/"),
        r.string("description", null),
        r.integer("maxSessionDuration", Role.DEFAULT_MAX_SESSION_DURATION),
        documents.get(base.key("trustPolicy")), boundary, tags(r),
        EcsInfrastructure.fromYaml(r.string("ecsInfrastructure", "")).orElse(null),
        r.bool("protect"), r.bool("adopt"), roleDeps));
    instanceProfile(r, name, roleAddress, out);
    List<YamlValue> arns = r.list("managedPolicies");
    for (int i = 0; i < arns.size(); i++) {
      String arn = ((YamlValue.Scalar) arns.get(i)).text();
      Set<Address> d = deps.of(base.key("managedPolicies").index(i));
      d.addAll(deps.literalPolicyArn(arn));
      d.add(roleAddress);
      out.add(new RolePolicyAttachment(Address.attachment(name, arn), arns.get(i).location(),
          name, arn, d));
    }
    for (YamlValue.Entry inline : r.entries("inlinePolicies")) {
      YamlPath path = base.key("inlinePolicies").key(inline.key());
      Set<Address> d = deps.of(path);
      d.add(roleAddress);
      out.add(new InlinePolicy(Address.inline(name, inline.key()), inline.keyLocation(), name,
          inline.key(), documents.get(path), d));
    }
  }

  /**
   * The role's {@code instanceProfile:} ({@code true}, or a name and path), tagged as the role;
   * nothing for {@code false} or absent.
   */
  private void instanceProfile(Fields role, String roleName, Address roleAddress,
      List<Resource> out) {
    role.value("instanceProfile").ifPresent(v -> {
      String name = roleName;
      String path = "/";
      if (v instanceof YamlValue.Mapping m) {
        Fields f = new Fields(m);
        name = f.string("name", roleName);
        path = f.string("path", "/");
      } else if (!Boolean.TRUE.equals(((YamlValue.Scalar) v).javaValue())) {
        return;
      }
      out.add(new InstanceProfile(Address.instanceProfile(roleName), v.location(), name, path,
          roleName, tags(role), role.bool("adopt"), Set.of(roleAddress)));
    });
  }

  private void policy(YamlValue.Entry entry, List<Resource> out, String partition,
      String accountId) {
    String name = entry.key();
    YamlPath base = YamlPath.of("policies", name);
    Fields p = new Fields((YamlValue.Mapping) entry.value());
    Address address = Address.policy(name);
    Set<Address> policyDeps = deps.of(base);
    policyDeps.remove(address);
    ManagedPolicy policy = new ManagedPolicy(address, entry.keyLocation(), name,
        p.string("path", "/"), p.string("description", null), documents.get(base.key("document")),
        tags(p), p.bool("protect"), p.bool("adopt"), policyDeps);
    out.add(policy);
    Fields attachTo = p.mapping("attachTo");
    for (PrincipalType type : PrincipalType.values()) {
      List<YamlValue> names = attachTo.list(type.yamlKey());
      for (int i = 0; i < names.size(); i++) {
        String principal = ((YamlValue.Scalar) names.get(i)).text();
        Set<Address> d = deps.of(base.key("attachTo").key(type.yamlKey()).index(i));
        d.add(address);
        out.add(new PrincipalPolicyAttachment(Address.principalAttachment(name, type, principal),
            names.get(i).location(), type, principal, name, policy.arn(partition, accountId), d));
      }
    }
  }

  private Map<String, String> tags(Fields resource) {
    Map<String, String> merged = new LinkedHashMap<>(stackTags);
    merged.putAll(resource.stringMap("tags"));
    return merged;
  }

  private StackSettings settings() {
    Fields s = root.mapping("settings");
    List<String> prefixes = new ArrayList<>();
    s.list("ignoreTagPrefixes").forEach(v -> prefixes.add(((YamlValue.Scalar) v).text()));
    List<String> regions = new ArrayList<>();
    s.mapping("ecs").list("regions").forEach(v -> regions.add(((YamlValue.Scalar) v).text()));
    List<String> denied = new ArrayList<>();
    s.mapping("ecs").list("organizationDeniedRegions")
        .forEach(v -> denied.add(((YamlValue.Scalar) v).text()));
    return new StackSettings(
        s.integer("maxManagedPoliciesPerRole", StackSettings.DEFAULT_MAX_MANAGED_POLICIES_PER_ROLE),
        prefixes, regions, denied);
  }

  /** Who depends on what, from the references found and from literal ARNs of stack policies. */
  record Dependencies(
      Map<YamlPath, Set<Address>> byOwner,
      Map<YamlPath, Set<Address>> trustOnly,
      Map<String, String> stackPoliciesByArn) {
    Dependencies(List<ReferenceResolver.Use> uses, Map<String, String> stackPoliciesByArn) {
      this(index(uses), trustOnly(uses), stackPoliciesByArn);
    }

    /**
     * Roles that a role refers to only from its trust policy. They are not dependencies: a role
     * that trusts roles created in the same apply is created in two phases (the plan's {@code
     * TrustPhases}), so roles that trust themselves or each other are no cycle.
     */
    Set<Address> trustOnlyRoles(YamlPath role) {
      return trustOnly.getOrDefault(role, Set.of());
    }

    private static Map<YamlPath, Set<Address>> trustOnly(List<ReferenceResolver.Use> uses) {
      Map<YamlPath, Set<Address>> inTrust = new HashMap<>();
      Map<YamlPath, Set<Address>> elsewhere = new HashMap<>();
      for (ReferenceResolver.Use use : uses) {
        List<Object> p = use.path().parts();
        if (p.size() < 2 || !p.get(0).equals("roles") || !use.target().value().startsWith("roles.")) {
          continue;
        }
        YamlPath owner = new YamlPath(p.subList(0, 2));
        if (!ownerOf(use.path()).equals(owner)) {
          continue; // an attachment's or inline policy's reference, not the role's own
        }
        boolean trust = p.size() > 2 && p.get(2).equals("trustPolicy");
        (trust ? inTrust : elsewhere).computeIfAbsent(owner, k -> new HashSet<>()).add(use.target());
      }
      inTrust.forEach((owner, targets) -> targets.removeAll(elsewhere.getOrDefault(owner, Set.of())));
      return inTrust;
    }

    private static Map<YamlPath, Set<Address>> index(List<ReferenceResolver.Use> uses) {
      Map<YamlPath, Set<Address>> byOwner = new HashMap<>();
      for (ReferenceResolver.Use use : uses) {
        if (!formsArnOnly(use.path())) {
          byOwner.computeIfAbsent(ownerOf(use.path()), k -> new HashSet<>()).add(use.target());
        }
      }
      return byOwner;
    }

    /**
     * Whether a reference stands in a statement's {@code Resource}, {@code NotResource} or {@code
     * Condition}: there it only forms an ARN or a value, which rolectl knows before the resource
     * exists and IAM does not check, so it needs no creation order (a permissions boundary may
     * name its own role). References elsewhere (a role's boundary, attachments, principals)
     * name things IAM must find.
     */
    static boolean formsArnOnly(YamlPath path) {
      List<Object> p = path.parts();
      for (int i = 0; i < p.size(); i++) {
        if ("Statement".equals(p.get(i))) {
          int at = i + 1 < p.size() && p.get(i + 1) instanceof Integer ? i + 2 : i + 1;
          return at < p.size() && List.of("Resource", "NotResource", "Condition").contains(p.get(at));
        }
      }
      return false;
    }

    /** The stack resources referenced from within the resource declared at {@code owner}. */
    Set<Address> of(YamlPath owner) {
      return new HashSet<>(byOwner.getOrDefault(owner, Set.of()));
    }

    Set<Address> literalPolicyArn(String arn) {
      String policy = stackPoliciesByArn.get(arn);
      return policy == null ? new HashSet<>() : new HashSet<>(Set.of(Address.policy(policy)));
    }

    /** The path of the resource that a reference at {@code path} belongs to. */
    static YamlPath ownerOf(YamlPath path) {
      List<Object> p = path.parts();
      if (p.size() >= 4 && p.get(0).equals("roles")
          && (p.get(2).equals("inlinePolicies") || p.get(2).equals("managedPolicies"))) {
        return new YamlPath(p.subList(0, 4));
      }
      if (p.size() >= 5 && p.get(0).equals("policies") && p.get(2).equals("attachTo")) {
        return new YamlPath(p.subList(0, 5));
      }
      return new YamlPath(p.subList(0, Math.min(2, p.size())));
    }
  }
}
