package dev.rolectl.engine.live.local;

import static dev.rolectl.engine.live.IamWriteException.Kind.ALREADY_EXISTS;
import static dev.rolectl.engine.live.IamWriteException.Kind.DELETE_CONFLICT;
import static dev.rolectl.engine.live.IamWriteException.Kind.INVALID_INPUT;
import static dev.rolectl.engine.live.IamWriteException.Kind.LIMIT_EXCEEDED;
import static dev.rolectl.engine.live.IamWriteException.Kind.NOT_FOUND;

import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveInstanceProfile;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.NewPolicy;
import dev.rolectl.engine.live.NewRole;
import dev.rolectl.engine.live.PolicyVersionList;
import dev.rolectl.engine.live.RoleLinks;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {@link IamWriter} of an account file's state in memory: changes it the way IAM would (same
 * errors for missing, existing and still-attached things). {@link LocalIamWriter} runs each unit
 * of work on one: a fresh editor per unit written once, or, while an apply holds the file
 * ({@link HeldAccount}), one editor for the whole apply whose units are {@link #begin begun} and
 * {@link #rollback rolled back} when a step fails, so that a unit changes all or nothing. Each
 * step costs time in proportion to what it touches, not to the size of the account. Not
 * thread-safe.
 */
final class AccountEditor implements IamWriter {
  private final LocalState original;
  private final EditedAccount state;
  // IAM names are unique case-insensitively: "DeployRole" finds "deployrole"
  private final Map<String, MutableRole> roles;
  private final Map<String, MutablePolicy> policies;
  private final LocalPrincipals principals;
  private final LocalProfiles profiles;
  private long resultVersion;
  private LocalState result;

  AccountEditor(LocalState state) {
    this.original = state;
    this.result = state;
    this.state = new EditedAccount(state.account());
    this.resultVersion = this.state.version();
    roles = this.state.roles;
    policies = this.state.policies;
    principals = this.state.principals;
    profiles = new LocalProfiles(this.state, state.account());
  }

  /**
   * The edited state, or the original object itself when nothing changed; the same object again
   * until the next change.
   */
  LocalState result() {
    if (state.version() != resultVersion) {
      LiveAccount a = original.account();
      result = new LocalState(state.toLive(a), original.ecs(), null, original.source());
      resultVersion = state.version();
    }
    return result;
  }

  /** Counts changes: equal before and after a unit when the unit changed nothing. */
  long version() {
    return state.version();
  }

  /** Starts a unit: what it touches from now on is kept until {@link #commit} or {@link #rollback}. */
  void begin() {
    state.begin();
  }

  /** Ends a unit, keeping its changes. */
  void commit() {
    state.commit();
  }

  /** Ends a unit, putting back everything it touched as it was at {@link #begin}. */
  void rollback() {
    state.rollback();
  }

  private void changed() {
    state.changed();
  }

  @Override
  public <T> T unit(Function<IamWriter, T> steps) {
    return steps.apply(this);
  }

  @Override
  public Lock lock() {
    throw new IllegalStateException("lock() is for the target's writer, not for one unit");
  }

  /** A file has no replication lag. */
  @Override
  public boolean eventuallyConsistent() {
    return false;
  }

  @Override
  public void createRole(NewRole r) {
    if (roles.containsKey(r.name())) {
      throw error(ALREADY_EXISTS, "EntityAlreadyExists", "Role with name " + r.name() + " already exists.");
    }
    checkMaxSession(r.maxSessionDuration());
    InputRules.role(r.name(), r.path(), r.description(), r.tags());
    InputRules.document(r.trustPolicy());
    if (r.permissionsBoundary() != null) {
      InputRules.api("CreateRole", "PermissionsBoundary", r.permissionsBoundary());
      policyArnExists(r.permissionsBoundary());
    }
    TrustPrincipals.check(r.trustPolicy(), rolePrefix(), roles::containsKey);
    LiveAccount a = original.account();
    String arn = "arn:" + a.partition() + ":iam::" + a.accountId() + ":role" + r.path() + r.name();
    String id = "AROA" + UUID.randomUUID().toString().replace("-", "").substring(0, 17).toUpperCase(Locale.ROOT);
    LiveRole created =
        new LiveRole(
            r.name(), r.path(), arn, id, blankToNull(r.description()), r.maxSessionDuration(),
            r.trustPolicy(), r.permissionsBoundary(), r.tags(), List.of(), Map.of(), List.of(), null);
    state.touchRole(r.name());
    roles.put(r.name(), new MutableRole(created));
    changed();
  }

  @Override
  public Optional<LiveRole> getRole(String roleName) {
    MutableRole r = roles.get(roleName);
    return r == null ? Optional.empty() : Optional.of(r.withoutLinks());
  }

  @Override
  public void updateAssumeRolePolicy(String roleName, PolicyDocument trustPolicy) {
    InputRules.document(trustPolicy);
    MutableRole r = modifiable(roleName);
    TrustPrincipals.check(trustPolicy, rolePrefix(), roles::containsKey);
    r.trustPolicy = trustPolicy;
    changed();
  }

  @Override
  public void updateRole(String roleName, String description, int maxSessionDuration) {
    MutableRole r = modifiable(roleName);
    checkMaxSession(maxSessionDuration);
    InputRules.description(description);
    r.description = blankToNull(description);
    r.maxSessionDuration = maxSessionDuration;
    changed();
  }

  @Override
  public void putRolePermissionsBoundary(String roleName, String policyArn) {
    MutableRole r = modifiable(roleName);
    InputRules.api("PutRolePermissionsBoundary", "PermissionsBoundary", policyArn);
    r.permissionsBoundaryArn = policyArnExists(policyArn);
    changed();
  }

  @Override
  public void deleteRolePermissionsBoundary(String roleName) {
    MutableRole r = modifiable(roleName);
    if (r.permissionsBoundaryArn == null) {
      throw error(NOT_FOUND, "NoSuchEntity", "Role " + roleName + " has no permissions boundary.");
    }
    r.permissionsBoundaryArn = null;
    changed();
  }

  @Override
  public void tagRole(String roleName, Map<String, String> tags) {
    InputRules.tags(tags);
    InputRules.modifiable(new InputRules.LiveRoleName(role(roleName).name, role(roleName).path),
        true);
    InputRules.tagCount(role(roleName).tags, tags);
    InputRules.putTags(role(roleName).tags, tags);
    changed();
  }

  @Override
  public void untagRole(String roleName, Collection<String> keys) {
    InputRules.removeTags(role(roleName).tags, keys);
    changed();
  }

  @Override
  public void putRolePolicy(String roleName, String policyName, PolicyDocument document) {
    InputRules.document(document);
    InputRules.api("PutRolePolicy", "PolicyName", policyName);
    modifiable(roleName).inlinePolicies.put(policyName, document);
    changed();
  }

  @Override
  public void deleteRolePolicy(String roleName, String policyName) {
    if (modifiable(roleName).inlinePolicies.remove(policyName) == null) {
      throw error(
          NOT_FOUND, "NoSuchEntity", "The role policy with name " + policyName + " cannot be found.");
    }
    changed();
  }

  @Override
  public RoleLinks roleLinks(String roleName) {
    MutableRole r = role(roleName);
    return new RoleLinks(
        r.instanceProfiles, r.attachedPolicyArns, new ArrayList<>(r.inlinePolicies.keySet()));
  }

  @Override
  public void addRoleToInstanceProfile(String instanceProfile, String roleName) {
    profiles.addRole(instanceProfile, role(roleName));
  }

  @Override
  public void removeRoleFromInstanceProfile(String instanceProfile, String roleName) {
    profiles.removeRole(instanceProfile, role(roleName));
  }

  @Override
  public void createInstanceProfile(String name, String path, Map<String, String> tags) {
    profiles.create(name, path, tags);
  }

  @Override
  public Optional<LiveInstanceProfile> getInstanceProfile(String name) {
    return profiles.get(name);
  }

  @Override
  public void tagInstanceProfile(String name, Map<String, String> tags) {
    profiles.tag(name, tags);
  }

  @Override
  public void untagInstanceProfile(String name, Collection<String> keys) {
    profiles.untag(name, keys);
  }

  @Override
  public void deleteInstanceProfile(String name) {
    profiles.delete(name);
  }

  @Override
  public void deleteRole(String roleName) {
    MutableRole r = modifiable(roleName);
    if (!r.instanceProfiles.isEmpty()) {
      throw error(
          DELETE_CONFLICT,
          "DeleteConflict",
          "Cannot delete entity, must remove roles from instance profile first.");
    }
    if (!r.attachedPolicyArns.isEmpty()) {
      throw error(DELETE_CONFLICT, "DeleteConflict", "Cannot delete entity, must detach all policies first.");
    }
    if (!r.inlinePolicies.isEmpty()) {
      throw error(DELETE_CONFLICT, "DeleteConflict", "Cannot delete entity, must delete policies first.");
    }
    roles.remove(roleName);
    changed();
  }

  @Override
  public void attachPolicy(PrincipalType type, String principalName, String policyArn) {
    switch (type) {
      case USER -> InputRules.api("AttachUserPolicy", "UserName", principalName);
      case GROUP -> InputRules.api("AttachGroupPolicy", "GroupName", principalName);
      case ROLE -> InputRules.api("AttachRolePolicy", "RoleName", principalName);
    }
    InputRules.api("AttachRolePolicy", "PolicyArn", policyArn);
    List<String> attached = attachedTo(type, principalName);
    String arn = policyArnExists(policyArn);
    if (type == PrincipalType.ROLE) {
      InputRules.attachable(arn);
      modifiable(principalName);
    }
    if (!attached.contains(arn)) {
      attached.add(arn);
      changed();
    }
  }

  @Override
  public void detachPolicy(PrincipalType type, String principalName, String policyArn) {
    if (!attachedTo(type, principalName).removeIf(a -> a.equalsIgnoreCase(policyArn))) {
      throw error(NOT_FOUND, "NoSuchEntity", "Policy " + policyArn + " was not found.");
    }
    changed();
  }

  @Override
  public String createPolicy(NewPolicy p) {
    InputRules.policy(p.name(), p.path(), p.description(), p.tags());
    InputRules.managedDocument(p.document());
    if (policies.containsKey(p.name())) {
      throw error(
          ALREADY_EXISTS,
          "EntityAlreadyExists",
          "A policy called " + p.name() + " already exists. Duplicate names are not allowed.");
    }
    LiveAccount a = original.account();
    String arn = "arn:" + a.partition() + ":iam::" + a.accountId() + ":policy" + p.path() + p.name();
    LiveManagedPolicy created =
        new LiveManagedPolicy(
            p.name(), p.path(), arn, blankToNull(p.description()), p.document(), "v1",
            List.of("v1"), p.tags(), Map.of());
    state.touchPolicy(p.name());
    state.putPolicy(created);
    changed();
    return arn;
  }

  @Override
  public Optional<LiveManagedPolicy> getPolicy(String policyArn) {
    return findPolicy(policyArn).map(p -> p.toLive(Map.of()));
  }

  @Override
  public PolicyVersionList policyVersions(String policyArn) {
    MutablePolicy p = policy(policyArn);
    return new PolicyVersionList(p.defaultVersionId, p.versionIds);
  }

  @Override
  public void createPolicyVersion(String policyArn, PolicyDocument document) {
    InputRules.managedDocument(document);
    MutablePolicy p = policy(policyArn);
    if (p.versionIds.size() >= PolicyVersionList.MAX_VERSIONS) {
      throw error(
          LIMIT_EXCEEDED,
          "LimitExceeded",
          "A managed policy can have up to 5 versions. Before you create a new version, you must"
              + " delete an existing version.");
    }
    String id = p.nextVersionId();
    p.versionIds.add(id);
    p.defaultVersionId = id;
    p.defaultDocument = document;
    changed();
  }

  @Override
  public void deletePolicyVersion(String policyArn, String versionId) {
    MutablePolicy p = policy(policyArn);
    if (versionId.equals(p.defaultVersionId)) {
      throw error(DELETE_CONFLICT, "DeleteConflict", "Cannot delete the default version of a policy.");
    }
    if (!p.versionIds.remove(versionId)) {
      throw error(NOT_FOUND, "NoSuchEntity", "Policy version " + versionId + " was not found.");
    }
    changed();
  }

  @Override
  public void tagPolicy(String policyArn, Map<String, String> tags) {
    InputRules.tags(tags);
    InputRules.tagCount(policy(policyArn).tags, tags);
    InputRules.putTags(policy(policyArn).tags, tags);
    changed();
  }

  @Override
  public void untagPolicy(String policyArn, Collection<String> keys) {
    InputRules.removeTags(policy(policyArn).tags, keys);
    changed();
  }

  @Override
  public Map<PrincipalType, List<String>> policyAttachments(String policyArn) {
    policy(policyArn);
    return attachments(policyArn);
  }

  @Override
  public void deletePolicy(String policyArn) {
    MutablePolicy p = policy(policyArn);
    if (!attachments(policyArn).isEmpty()) {
      throw error(DELETE_CONFLICT, "DeleteConflict", "Cannot delete a policy attached to entities.");
    }
    List<String> bounded = boundaryOf(p.arn);
    if (!bounded.isEmpty()) {
      throw error(
          DELETE_CONFLICT,
          "DeleteConflict",
          "Cannot delete a policy that is the permissions boundary of " + String.join(", ", bounded)
              + ".");
    }
    if (p.versionIds.size() > 1) {
      throw error(
          DELETE_CONFLICT, "DeleteConflict", "This policy has more than one version. Before you"
              + " delete a policy, you must delete the policy's versions.");
    }
    state.removePolicy(p);
    changed();
  }

  /** The roles and users whose permissions boundary the policy is ("role/NAME", "user/NAME"). */
  private List<String> boundaryOf(String arn) {
    List<String> out = new ArrayList<>();
    roles.values().stream()
        .filter(r -> arn.equals(r.permissionsBoundaryArn))
        .forEach(r -> out.add("role/" + r.name));
    out.addAll(principals.boundedBy(arn));
    return out;
  }

  private Map<PrincipalType, List<String>> attachments(String arn) {
    Map<PrincipalType, List<String>> out = new EnumMap<>(PrincipalType.class);
    roles.values().stream()
        .filter(r -> r.attachedPolicyArns.contains(arn))
        .forEach(r -> out.computeIfAbsent(PrincipalType.ROLE, t -> new ArrayList<>()).add(r.name));
    principals.addAttachments(arn, out);
    return out;
  }

  private List<String> attachedTo(PrincipalType type, String name) {
    if (type == PrincipalType.ROLE) {
      return role(name).attachedPolicyArns;
    }
    state.touchPrincipals();
    List<String> arns = principals.attached(type, name);
    if (arns == null) {
      throw error(
          NOT_FOUND,
          "NoSuchEntity",
          "The " + type.name().toLowerCase(Locale.ROOT) + " with name " + name + " cannot be found.");
    }
    return arns;
  }

  /** AWS managed policies are those of the catalogue; customer ones must exist in the file. */
  /**
   * The policy's ARN as IAM keeps it (a customer policy's own, whatever the case asked for);
   * NOT_FOUND when there is no such policy.
   */
  private String policyArnExists(String arn) {
    if (AwsManagedPolicies.isAwsManaged(arn)) {
      if (!AwsManagedPolicies.exists(arn)) {
        throw error(NOT_FOUND, "NoSuchEntity", "Policy " + arn + " does not exist or is not "
            + "attachable.");
      }
      return arn;
    }
    return policy(arn).arn;
  }

  /** The role to change: as {@link #role}, and UnmodifiableEntity when AWS owns it. */
  private MutableRole modifiable(String name) {
    MutableRole r = role(name);
    InputRules.modifiable(new InputRules.LiveRoleName(r.name, r.path), false);
    return r;
  }

  /** The role to read or change (kept for {@link #rollback}); NOT_FOUND when there is none. */
  private MutableRole role(String name) {
    state.touchRole(name);
    MutableRole r = roles.get(name);
    if (r == null) {
      throw error(NOT_FOUND, "NoSuchEntity", "The role with name " + name + " cannot be found.");
    }
    return r;
  }

  private Optional<MutablePolicy> findPolicy(String arn) {
    return Optional.ofNullable(state.policiesByArn.get(arn));
  }

  /** The policy to read or change (kept for {@link #rollback}); NOT_FOUND when there is none. */
  private MutablePolicy policy(String arn) {
    MutablePolicy p =
        findPolicy(arn)
            .orElseThrow(() -> error(NOT_FOUND, "NoSuchEntity", "Policy " + arn + " does not exist."));
    state.touchPolicy(p.name);
    return p;
  }

  private String rolePrefix() {
    LiveAccount a = original.account();
    return "arn:" + a.partition() + ":iam::" + a.accountId() + ":role/";
  }

  private static void checkMaxSession(int seconds) {
    if (seconds < 3600 || seconds > 43200) {
      throw error(
          INVALID_INPUT,
          "ValidationError",
          "MaxSessionDuration " + seconds + " is outside 3600-43200 seconds.");
    }
  }

  static IamWriteException error(IamWriteException.Kind kind, String code, String message) {
    return new IamWriteException(kind, code, code + ": " + message, null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
