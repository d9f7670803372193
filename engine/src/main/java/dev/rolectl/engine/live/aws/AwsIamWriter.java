package dev.rolectl.engine.live.aws;

import static dev.rolectl.engine.live.aws.AwsWriteErrors.get;
import static dev.rolectl.engine.live.aws.AwsWriteErrors.run;

import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.NewPolicy;
import dev.rolectl.engine.live.NewRole;
import dev.rolectl.engine.live.PolicyText;
import dev.rolectl.engine.live.PolicyVersionList;
import dev.rolectl.engine.live.RoleLinks;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.policy.PolicyParser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The {@code aws} adapter of {@link IamWriter}: one SDK call a method (plus pagination), through
 * the clients (retry strategy, call counter) of the target's {@link AwsIamAccount}. {@code unit}
 * just runs the steps; the apply lock of a stack is {@link AccountLock}.
 */
final class AwsIamWriter implements IamWriter {
  private static final String FIX = "please report this with the document (IAM accepted it)";
  private final AwsIamAccount account;

  AwsIamWriter(AwsIamAccount account) {
    this.account = account;
  }

  private IamClient iam() {
    return account.clients().iam;
  }

  @Override
  public <T> T unit(Function<IamWriter, T> steps) {
    return steps.apply(this);
  }

  @Override
  public Lock lock() {
    return () -> {};
  }

  /**
   * The stack's lock in the account ({@link AccountLock}), with the target's lease ({@link
   * dev.rolectl.engine.live.TargetOptions#lockLease()}) when it has one.
   */
  @Override
  public Lock lockStack(dev.rolectl.engine.live.LockRequest request) {
    String prefix = "arn:" + account.partition() + ":iam::" + account.accountId() + ":policy";
    java.time.Duration lease = account.options().lockLease();
    dev.rolectl.engine.live.LockRequest r = lease == null ? request
        : new dev.rolectl.engine.live.LockRequest(request.stack(), request.timeout(), lease,
            request.events());
    return new AccountLock(iam(), prefix, account.callerArn(), java.time.Clock.systemUTC())
        .acquire(r);
  }

  @Override
  public void createRole(NewRole r) {
    run(
        "CreateRole " + r.name(),
        () ->
            iam()
                .createRole(
                    b ->
                        b.roleName(r.name())
                            .path(r.path())
                            .description(blankToNull(r.description()))
                            .maxSessionDuration(r.maxSessionDuration())
                            .assumeRolePolicyDocument(PolicyParser.toJson(r.trustPolicy()))
                            .permissionsBoundary(r.permissionsBoundary())
                            .tags(tags(r.tags()))));
  }

  @Override
  public Optional<LiveRole> getRole(String roleName) {
    Role role;
    try {
      role = get("GetRole " + roleName, () -> iam().getRole(b -> b.roleName(roleName)).role());
    } catch (IamWriteException e) {
      if (e.is(IamWriteException.Kind.NOT_FOUND)) {
        return Optional.empty();
      }
      throw e;
    }
    Integer max = role.maxSessionDuration();
    return Optional.of(
        new LiveRole(
            role.roleName(),
            role.path(),
            role.arn(),
            role.roleId(),
            role.description(),
            max == null ? 3600 : max,
            PolicyText.parse(
                role.assumeRolePolicyDocument(), "trust policy of role " + roleName, FIX),
            role.permissionsBoundary() == null
                ? null
                : role.permissionsBoundary().permissionsBoundaryArn(),
            tagMap(role.tags()),
            List.of(),
            Map.of(),
            List.of(),
            role.roleLastUsed() == null ? null : role.roleLastUsed().lastUsedDate()));
  }

  @Override
  public void updateAssumeRolePolicy(String roleName, PolicyDocument trustPolicy) {
    run(
        "UpdateAssumeRolePolicy " + roleName,
        () ->
            iam()
                .updateAssumeRolePolicy(
                    b -> b.roleName(roleName).policyDocument(PolicyParser.toJson(trustPolicy))));
  }

  @Override
  public void updateRole(String roleName, String description, int maxSessionDuration) {
    run(
        "UpdateRole " + roleName,
        () ->
            iam()
                .updateRole(
                    b ->
                        b.roleName(roleName)
                            .description(description == null ? "" : description)
                            .maxSessionDuration(maxSessionDuration)));
  }

  @Override
  public void putRolePermissionsBoundary(String roleName, String policyArn) {
    run(
        "PutRolePermissionsBoundary " + roleName,
        () ->
            iam()
                .putRolePermissionsBoundary(
                    b -> b.roleName(roleName).permissionsBoundary(policyArn)));
  }

  @Override
  public void deleteRolePermissionsBoundary(String roleName) {
    run(
        "DeleteRolePermissionsBoundary " + roleName,
        () -> iam().deleteRolePermissionsBoundary(b -> b.roleName(roleName)));
  }

  @Override
  public void tagRole(String roleName, Map<String, String> tags) {
    run("TagRole " + roleName, () -> iam().tagRole(b -> b.roleName(roleName).tags(tags(tags))));
  }

  @Override
  public void untagRole(String roleName, Collection<String> keys) {
    run(
        "UntagRole " + roleName,
        () -> iam().untagRole(b -> b.roleName(roleName).tagKeys(List.copyOf(keys))));
  }

  @Override
  public void putRolePolicy(String roleName, String policyName, PolicyDocument document) {
    run(
        "PutRolePolicy " + roleName + "/" + policyName,
        () ->
            iam()
                .putRolePolicy(
                    b ->
                        b.roleName(roleName)
                            .policyName(policyName)
                            .policyDocument(PolicyParser.toJson(document))));
  }

  @Override
  public void deleteRolePolicy(String roleName, String policyName) {
    run(
        "DeleteRolePolicy " + roleName + "/" + policyName,
        () -> iam().deleteRolePolicy(b -> b.roleName(roleName).policyName(policyName)));
  }

  @Override
  public RoleLinks roleLinks(String roleName) {
    return get(
        "listing what is attached to role " + roleName,
        () -> {
          List<String> profiles = new ArrayList<>();
          iam()
              .listInstanceProfilesForRolePaginator(b -> b.roleName(roleName))
              .instanceProfiles()
              .forEach(p -> profiles.add(p.instanceProfileName()));
          List<String> arns = new ArrayList<>();
          iam()
              .listAttachedRolePoliciesPaginator(b -> b.roleName(roleName))
              .attachedPolicies()
              .forEach(p -> arns.add(p.policyArn()));
          List<String> inline = new ArrayList<>();
          iam().listRolePoliciesPaginator(b -> b.roleName(roleName)).policyNames().forEach(inline::add);
          return new RoleLinks(profiles, arns, inline);
        });
  }

  @Override
  public void addRoleToInstanceProfile(String instanceProfile, String roleName) {
    run(
        "AddRoleToInstanceProfile " + instanceProfile + " " + roleName,
        () ->
            iam()
                .addRoleToInstanceProfile(
                    b -> b.instanceProfileName(instanceProfile).roleName(roleName)));
  }

  @Override
  public void removeRoleFromInstanceProfile(String instanceProfile, String roleName) {
    run(
        "RemoveRoleFromInstanceProfile " + instanceProfile + " " + roleName,
        () ->
            iam()
                .removeRoleFromInstanceProfile(
                    b -> b.instanceProfileName(instanceProfile).roleName(roleName)));
  }

  @Override
  public void createInstanceProfile(String name, String path, Map<String, String> tags) {
    run("CreateInstanceProfile " + name, () -> iam().createInstanceProfile(
        b -> b.instanceProfileName(name).path(path).tags(tags(tags))));
  }

  @Override
  public Optional<dev.rolectl.engine.live.LiveInstanceProfile> getInstanceProfile(String name) {
    software.amazon.awssdk.services.iam.model.InstanceProfile p;
    try {
      p = get("GetInstanceProfile " + name,
          () -> iam().getInstanceProfile(b -> b.instanceProfileName(name)).instanceProfile());
    } catch (IamWriteException e) {
      if (e.is(IamWriteException.Kind.NOT_FOUND)) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(new dev.rolectl.engine.live.LiveInstanceProfile(p.instanceProfileName(),
        p.path(), p.arn(), p.roles().stream().map(Role::roleName).toList(), tagMap(p.tags())));
  }

  @Override
  public void tagInstanceProfile(String name, Map<String, String> tags) {
    run("TagInstanceProfile " + name,
        () -> iam().tagInstanceProfile(b -> b.instanceProfileName(name).tags(tags(tags))));
  }

  @Override
  public void untagInstanceProfile(String name, Collection<String> keys) {
    run("UntagInstanceProfile " + name, () -> iam().untagInstanceProfile(
        b -> b.instanceProfileName(name).tagKeys(List.copyOf(keys))));
  }

  @Override
  public void deleteInstanceProfile(String name) {
    run("DeleteInstanceProfile " + name,
        () -> iam().deleteInstanceProfile(b -> b.instanceProfileName(name)));
  }

  @Override
  public void deleteRole(String roleName) {
    run("DeleteRole " + roleName, () -> iam().deleteRole(b -> b.roleName(roleName)));
  }

  @Override
  public void attachPolicy(PrincipalType type, String principalName, String policyArn) {
    switch (type) {
      case ROLE:
        run(
            "AttachRolePolicy " + principalName + " " + policyArn,
            () -> iam().attachRolePolicy(b -> b.roleName(principalName).policyArn(policyArn)));
        break;
      case USER:
        run(
            "AttachUserPolicy " + principalName + " " + policyArn,
            () -> iam().attachUserPolicy(b -> b.userName(principalName).policyArn(policyArn)));
        break;
      case GROUP:
      default:
        run(
            "AttachGroupPolicy " + principalName + " " + policyArn,
            () -> iam().attachGroupPolicy(b -> b.groupName(principalName).policyArn(policyArn)));
        break;
    }
  }

  @Override
  public void detachPolicy(PrincipalType type, String principalName, String policyArn) {
    switch (type) {
      case ROLE:
        run(
            "DetachRolePolicy " + principalName + " " + policyArn,
            () -> iam().detachRolePolicy(b -> b.roleName(principalName).policyArn(policyArn)));
        break;
      case USER:
        run(
            "DetachUserPolicy " + principalName + " " + policyArn,
            () -> iam().detachUserPolicy(b -> b.userName(principalName).policyArn(policyArn)));
        break;
      case GROUP:
      default:
        run(
            "DetachGroupPolicy " + principalName + " " + policyArn,
            () -> iam().detachGroupPolicy(b -> b.groupName(principalName).policyArn(policyArn)));
        break;
    }
  }

  @Override
  public String createPolicy(NewPolicy p) {
    return get(
        "CreatePolicy " + p.name(),
        () ->
            iam()
                .createPolicy(
                    b ->
                        b.policyName(p.name())
                            .path(p.path())
                            .description(blankToNull(p.description()))
                            .policyDocument(PolicyParser.toJson(p.document()))
                            .tags(tags(p.tags())))
                .policy()
                .arn());
  }

  @Override
  public Optional<LiveManagedPolicy> getPolicy(String policyArn) {
    try {
      return Optional.of(
          get(
              "GetPolicy " + policyArn,
              () -> {
                Policy p = iam().getPolicy(b -> b.policyArn(policyArn)).policy();
                PolicyVersion v =
                    iam()
                        .getPolicyVersion(
                            b -> b.policyArn(policyArn).versionId(p.defaultVersionId()))
                        .policyVersion();
                Map<String, String> tags = new TreeMap<>();
                iam()
                    .listPolicyTagsPaginator(b -> b.policyArn(policyArn))
                    .tags()
                    .forEach(t -> tags.put(t.key(), t.value()));
                String name =
                    p.policyName() != null
                        ? p.policyName()
                        : policyArn.substring(policyArn.lastIndexOf('/') + 1);
                return new LiveManagedPolicy(
                    name,
                    p.path() == null ? "/" : p.path(),
                    policyArn,
                    p.description(),
                    PolicyText.parse(v.document(), "default version of policy " + name, FIX),
                    p.defaultVersionId(),
                    List.of(p.defaultVersionId()),
                    tags,
                    Map.of());
              }));
    } catch (IamWriteException e) {
      if (e.is(IamWriteException.Kind.NOT_FOUND)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public PolicyVersionList policyVersions(String policyArn) {
    return get(
        "ListPolicyVersions " + policyArn,
        () -> {
          List<String> ids = new ArrayList<>();
          String defaultId = null;
          for (ListPolicyVersionsResponse page :
              iam().listPolicyVersionsPaginator(b -> b.policyArn(policyArn))) {
            for (PolicyVersion v : page.versions()) {
              ids.add(v.versionId());
              if (Boolean.TRUE.equals(v.isDefaultVersion())) {
                defaultId = v.versionId();
              }
            }
          }
          return new PolicyVersionList(defaultId == null ? "" : defaultId, ids);
        });
  }

  @Override
  public void createPolicyVersion(String policyArn, PolicyDocument document) {
    run(
        "CreatePolicyVersion " + policyArn,
        () ->
            iam()
                .createPolicyVersion(
                    b ->
                        b.policyArn(policyArn)
                            .policyDocument(PolicyParser.toJson(document))
                            .setAsDefault(true)));
  }

  @Override
  public void deletePolicyVersion(String policyArn, String versionId) {
    run(
        "DeletePolicyVersion " + policyArn + " " + versionId,
        () -> iam().deletePolicyVersion(b -> b.policyArn(policyArn).versionId(versionId)));
  }

  @Override
  public void tagPolicy(String policyArn, Map<String, String> tags) {
    run(
        "TagPolicy " + policyArn,
        () -> iam().tagPolicy(b -> b.policyArn(policyArn).tags(tags(tags))));
  }

  @Override
  public void untagPolicy(String policyArn, Collection<String> keys) {
    run(
        "UntagPolicy " + policyArn,
        () -> iam().untagPolicy(b -> b.policyArn(policyArn).tagKeys(List.copyOf(keys))));
  }

  @Override
  public Map<PrincipalType, List<String>> policyAttachments(String policyArn) {
    return get(
        "ListEntitiesForPolicy " + policyArn,
        () -> {
          Map<PrincipalType, List<String>> out = new EnumMap<>(PrincipalType.class);
          for (ListEntitiesForPolicyResponse page :
              iam().listEntitiesForPolicyPaginator(b -> b.policyArn(policyArn))) {
            page.policyRoles().forEach(r -> add(out, PrincipalType.ROLE, r.roleName()));
            page.policyUsers().forEach(u -> add(out, PrincipalType.USER, u.userName()));
            page.policyGroups().forEach(g -> add(out, PrincipalType.GROUP, g.groupName()));
          }
          return out;
        });
  }

  @Override
  public void deletePolicy(String policyArn) {
    run("DeletePolicy " + policyArn, () -> iam().deletePolicy(b -> b.policyArn(policyArn)));
  }

  private static void add(Map<PrincipalType, List<String>> out, PrincipalType type, String name) {
    out.computeIfAbsent(type, t -> new ArrayList<>()).add(name);
  }

  private static List<Tag> tags(Map<String, String> tags) {
    List<Tag> out = new ArrayList<>();
    new TreeMap<>(tags).forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
    return out;
  }

  private static Map<String, String> tagMap(List<Tag> tags) {
    Map<String, String> out = new TreeMap<>();
    tags.forEach(t -> out.put(t.key(), t.value()));
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
