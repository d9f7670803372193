package dev.rolectl.engine.live;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The port for changing an account's IAM state, one IAM API operation a method (adapters: {@code
 * aws} through the SDK, {@code local} on the account file). Documents are sent as {@code
 * PolicyParser.toJson}. Every failure is an {@link IamWriteException} whose {@link
 * IamWriteException#kind()} tells the caller whether it means "already so" (e.g. {@code
 * NOT_FOUND} on a delete); the {@code aws} adapter has retried throttling and server errors
 * already (the SDK's standard retry strategy).
 *
 * <p>Implementations are thread-safe.
 */
public interface IamWriter {

  /**
   * Runs the steps of one change as one unit: the {@code local} adapter reads the file once, runs
   * the steps on it and writes it once (or not at all when a step throws), so an interrupted apply
   * leaves every change done or not done; {@code aws} just runs them (IAM has no transactions).
   * Inside, use the writer passed to {@code steps}.
   */
  <T> T unit(Function<IamWriter, T> steps);

  /**
   * Takes the target's apply lock until {@link Lock#close()}: {@code local} holds {@code
   * FILE.lock} (and refuses at once, naming the holder, when another process has it); {@code aws}
   * has nothing to lock.
   *
   * @throws TargetException when another apply holds the lock
   */
  Lock lock();

  /**
   * As {@link #lock()}, waiting up to {@code timeout} for another holder (polling, reporting
   * {@link dev.rolectl.engine.model.EngineEvent.Waiting} to {@code events}) before refusing.
   */
  default Lock lock(java.time.Duration timeout,
      java.util.function.Consumer<dev.rolectl.engine.model.EngineEvent> events) {
    return lock();
  }

  /**
   * Takes the apply lock of one stack held in the account itself (no other infrastructure), so
   * that applies of the same stack to the same account exclude each other: {@code aws} creates a
   * marker policy under {@link #LOCK_PATH} atomically by name, naming its holder, renews its
   * lease while held and deletes it on close; a lock whose lease ran out (its holder crashed) is
   * taken over. {@code local} has nothing more to do: {@link #lock()} covers the whole file.
   *
   * @throws TargetException when another holder keeps it past the request's timeout (the message
   *     names the holder), or when the lock cannot be written
   */
  default Lock lockStack(LockRequest request) {
    return () -> {};
  }

  /**
   * The IAM path under which the lock policies of {@link #lockStack} are ({@code
   * /rolectl-lock/TOKEN/}, one path per holder): never planned, adopted or deleted as drift (the
   * readers leave policies under it out of the live account).
   */
  String LOCK_PATH = "/rolectl-lock/";

  /**
   * Whether what was just written may be invisible for a moment (IAM's eventual consistency:
   * "Invalid principal", "not found" right after a create). {@code true} for {@code aws}; {@code
   * false} for {@code local}, where such errors are final and not waited out.
   */
  default boolean eventuallyConsistent() {
    return true;
  }

  // ---- roles

  /** {@code CreateRole}, tags included in the call. */
  void createRole(NewRole role);

  /**
   * {@code GetRole}: the role's own attributes and tags; its attachments, inline policies and
   * instance profiles are not read (empty lists), see {@link #roleLinks}.
   */
  Optional<LiveRole> getRole(String roleName);

  /** {@code UpdateAssumeRolePolicy}. */
  void updateAssumeRolePolicy(String roleName, PolicyDocument trustPolicy);

  /** {@code UpdateRole}; {@code description} {@code null} or empty removes it. */
  void updateRole(String roleName, String description, int maxSessionDuration);

  /** {@code PutRolePermissionsBoundary}. */
  void putRolePermissionsBoundary(String roleName, String policyArn);

  /** {@code DeleteRolePermissionsBoundary}. */
  void deleteRolePermissionsBoundary(String roleName);

  /** {@code TagRole} (adds or overwrites these keys). */
  void tagRole(String roleName, Map<String, String> tags);

  /** {@code UntagRole}. */
  void untagRole(String roleName, Collection<String> keys);

  /** {@code PutRolePolicy} (creates or replaces the inline policy). */
  void putRolePolicy(String roleName, String policyName, PolicyDocument document);

  /** {@code DeleteRolePolicy}. */
  void deleteRolePolicy(String roleName, String policyName);

  /** What keeps a role from being deleted: {@code ListInstanceProfilesForRole}, {@code ListAttachedRolePolicies}, {@code ListRolePolicies}. */
  RoleLinks roleLinks(String roleName);

  /** {@code AddRoleToInstanceProfile}. */
  void addRoleToInstanceProfile(String instanceProfile, String roleName);

  /** {@code RemoveRoleFromInstanceProfile}. */
  void removeRoleFromInstanceProfile(String instanceProfile, String roleName);

  // ---- instance profiles

  /** {@code CreateInstanceProfile}, tags included in the call; {@code ALREADY_EXISTS} if taken. */
  void createInstanceProfile(String name, String path, Map<String, String> tags);

  /** {@code GetInstanceProfile}: path, the roles in it and its tags; empty when there is none. */
  Optional<LiveInstanceProfile> getInstanceProfile(String name);

  /** {@code TagInstanceProfile} (adds or overwrites these keys). */
  void tagInstanceProfile(String name, Map<String, String> tags);

  /** {@code UntagInstanceProfile}. */
  void untagInstanceProfile(String name, Collection<String> keys);

  /** {@code DeleteInstanceProfile}; {@code DELETE_CONFLICT} while a role is in it. */
  void deleteInstanceProfile(String name);

  /** {@code DeleteRole}; {@code DELETE_CONFLICT} while something is still attached. */
  void deleteRole(String roleName);

  // ---- attachments of managed policies to roles, users and groups

  /** {@code AttachRolePolicy}, {@code AttachUserPolicy} or {@code AttachGroupPolicy}. */
  void attachPolicy(PrincipalType type, String principalName, String policyArn);

  /** {@code DetachRolePolicy}, {@code DetachUserPolicy} or {@code DetachGroupPolicy}. */
  void detachPolicy(PrincipalType type, String principalName, String policyArn);

  // ---- customer managed policies

  /** {@code CreatePolicy}, tags included in the call; returns the policy's ARN. */
  String createPolicy(NewPolicy policy);

  /**
   * {@code GetPolicy} (+ its default version and tags): attachments are not read (empty), see
   * {@link #policyAttachments}.
   */
  Optional<LiveManagedPolicy> getPolicy(String policyArn);

  /** {@code ListPolicyVersions}: version ids oldest first, and which is the default. */
  PolicyVersionList policyVersions(String policyArn);

  /** {@code CreatePolicyVersion} with {@code SetAsDefault=true}; {@code LIMIT_EXCEEDED} at 5. */
  void createPolicyVersion(String policyArn, PolicyDocument document);

  /** {@code DeletePolicyVersion} (never the default one). */
  void deletePolicyVersion(String policyArn, String versionId);

  /** {@code TagPolicy}. */
  void tagPolicy(String policyArn, Map<String, String> tags);

  /** {@code UntagPolicy}. */
  void untagPolicy(String policyArn, Collection<String> keys);

  /** {@code ListEntitiesForPolicy}: principal type to names. */
  Map<PrincipalType, List<String>> policyAttachments(String policyArn);

  /** {@code DeletePolicy}; {@code DELETE_CONFLICT} while attached or with non-default versions. */
  void deletePolicy(String policyArn);

  /**
   * The apply lock of a target; closing it releases it. A lock held in the account ({@link
   * #lockStack} on {@code aws}) has a lease and can be lost while held (its lease could not be
   * renewed in time, or another apply took it over); a file lock cannot.
   */
  interface Lock extends AutoCloseable {
    /**
     * Releases the lock.
     *
     * @throws TargetException when it could not be released (the message names the lock, e.g.
     *     the lock policy's ARN, and says what to do)
     */
    @Override
    void close();

    /**
     * Checks with the target, now, that the lock is still this holder's (apply calls it right
     * before its first change).
     *
     * @throws TargetException when the lock was lost or that cannot be confirmed
     */
    default void confirm() {}

    /**
     * Calls {@code listener} once, with the reason, when the lock is lost while held (from
     * another thread; at once when it is lost already). The holder must start no more changes.
     */
    default void onLost(java.util.function.Consumer<String> listener) {}
  }
}
