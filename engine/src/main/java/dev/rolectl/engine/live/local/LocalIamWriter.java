package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.NewPolicy;
import dev.rolectl.engine.live.NewRole;
import dev.rolectl.engine.live.PolicyVersionList;
import dev.rolectl.engine.live.RoleLinks;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@code local:} adapter of {@link IamWriter}: every {@link #unit} is one {@link
 * LocalAccountStore#edit}, all or nothing (nothing written when a step fails or nothing changed):
 * under the apply's {@link #lock()} a change of the state in memory, written in batches; without
 * it a read, a change and one atomic replace of the file. A call outside a unit is a unit of its
 * own.
 */
public final class LocalIamWriter implements IamWriter {
  private final LocalAccountStore store;

  public LocalIamWriter(LocalAccountStore store) {
    this.store = store;
  }

  @Override
  public <T> T unit(Function<IamWriter, T> steps) {
    return store.edit(steps::apply);
  }

  private void run(Consumer<IamWriter> step) {
    unit(
        w -> {
          step.accept(w);
          return null;
        });
  }

  /** {@code FILE.lock}, held until closed; refused at once when another process holds it. */
  @Override
  public Lock lock() {
    return store.exclusive();
  }

  /** {@code FILE.lock}, polled once a second up to {@code timeout} while another holds it. */
  @Override
  public Lock lock(java.time.Duration timeout,
      java.util.function.Consumer<dev.rolectl.engine.model.EngineEvent> events) {
    long start = System.nanoTime();
    while (true) {
      try {
        return store.exclusive();
      } catch (dev.rolectl.engine.live.TargetException e) {
        java.time.Duration waited = java.time.Duration.ofNanos(System.nanoTime() - start);
        if (waited.compareTo(timeout) >= 0) {
          throw timeout.isZero() ? e : new dev.rolectl.engine.live.TargetException(
              e.getMessage() + " (waited " + waited.toSeconds() + " s)", e);
        }
        events.accept(new dev.rolectl.engine.model.EngineEvent.Waiting(
            "lock of " + store.file(), e.getMessage() + "; waiting up to " + timeout.toSeconds()
                + " s in all", waited));
        try {
          Thread.sleep(Math.min(1000, Math.max(1, timeout.minus(waited).toMillis())));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** A file has no replication lag. */
  @Override
  public boolean eventuallyConsistent() {
    return false;
  }

  @Override
  public void createRole(NewRole role) {
    run(w -> w.createRole(role));
  }

  @Override
  public Optional<LiveRole> getRole(String roleName) {
    return unit(w -> w.getRole(roleName));
  }

  @Override
  public void updateAssumeRolePolicy(String roleName, PolicyDocument trustPolicy) {
    run(w -> w.updateAssumeRolePolicy(roleName, trustPolicy));
  }

  @Override
  public void updateRole(String roleName, String description, int maxSessionDuration) {
    run(w -> w.updateRole(roleName, description, maxSessionDuration));
  }

  @Override
  public void putRolePermissionsBoundary(String roleName, String policyArn) {
    run(w -> w.putRolePermissionsBoundary(roleName, policyArn));
  }

  @Override
  public void deleteRolePermissionsBoundary(String roleName) {
    run(w -> w.deleteRolePermissionsBoundary(roleName));
  }

  @Override
  public void tagRole(String roleName, Map<String, String> tags) {
    run(w -> w.tagRole(roleName, tags));
  }

  @Override
  public void untagRole(String roleName, Collection<String> keys) {
    run(w -> w.untagRole(roleName, keys));
  }

  @Override
  public void putRolePolicy(String roleName, String policyName, PolicyDocument document) {
    run(w -> w.putRolePolicy(roleName, policyName, document));
  }

  @Override
  public void deleteRolePolicy(String roleName, String policyName) {
    run(w -> w.deleteRolePolicy(roleName, policyName));
  }

  @Override
  public RoleLinks roleLinks(String roleName) {
    return unit(w -> w.roleLinks(roleName));
  }

  @Override
  public void addRoleToInstanceProfile(String instanceProfile, String roleName) {
    run(w -> w.addRoleToInstanceProfile(instanceProfile, roleName));
  }

  @Override
  public void removeRoleFromInstanceProfile(String instanceProfile, String roleName) {
    run(w -> w.removeRoleFromInstanceProfile(instanceProfile, roleName));
  }

  @Override
  public void createInstanceProfile(String name, String path, Map<String, String> tags) {
    run(w -> w.createInstanceProfile(name, path, tags));
  }

  @Override
  public Optional<dev.rolectl.engine.live.LiveInstanceProfile> getInstanceProfile(String name) {
    return unit(w -> w.getInstanceProfile(name));
  }

  @Override
  public void tagInstanceProfile(String name, Map<String, String> tags) {
    run(w -> w.tagInstanceProfile(name, tags));
  }

  @Override
  public void untagInstanceProfile(String name, Collection<String> keys) {
    run(w -> w.untagInstanceProfile(name, keys));
  }

  @Override
  public void deleteInstanceProfile(String name) {
    run(w -> w.deleteInstanceProfile(name));
  }

  @Override
  public void deleteRole(String roleName) {
    run(w -> w.deleteRole(roleName));
  }

  @Override
  public void attachPolicy(PrincipalType type, String principalName, String policyArn) {
    run(w -> w.attachPolicy(type, principalName, policyArn));
  }

  @Override
  public void detachPolicy(PrincipalType type, String principalName, String policyArn) {
    run(w -> w.detachPolicy(type, principalName, policyArn));
  }

  @Override
  public String createPolicy(NewPolicy policy) {
    return unit(w -> w.createPolicy(policy));
  }

  @Override
  public Optional<LiveManagedPolicy> getPolicy(String policyArn) {
    return unit(w -> w.getPolicy(policyArn));
  }

  @Override
  public PolicyVersionList policyVersions(String policyArn) {
    return unit(w -> w.policyVersions(policyArn));
  }

  @Override
  public void createPolicyVersion(String policyArn, PolicyDocument document) {
    run(w -> w.createPolicyVersion(policyArn, document));
  }

  @Override
  public void deletePolicyVersion(String policyArn, String versionId) {
    run(w -> w.deletePolicyVersion(policyArn, versionId));
  }

  @Override
  public void tagPolicy(String policyArn, Map<String, String> tags) {
    run(w -> w.tagPolicy(policyArn, tags));
  }

  @Override
  public void untagPolicy(String policyArn, Collection<String> keys) {
    run(w -> w.untagPolicy(policyArn, keys));
  }

  @Override
  public Map<PrincipalType, List<String>> policyAttachments(String policyArn) {
    return unit(w -> w.policyAttachments(policyArn));
  }

  @Override
  public void deletePolicy(String policyArn) {
    run(w -> w.deletePolicy(policyArn));
  }
}
