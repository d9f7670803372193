package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LiveRole;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What one unit of an {@link AccountEditor} touched, as it was before: the first state of each
 * role and policy (by name, case-insensitively; {@code null} for "did not exist") and of the users
 * and groups. Outside a unit ({@link #begin} not called) it keeps nothing.
 */
final class EditorUndo {
  private Map<String, LiveRole> roles;
  private Map<String, LiveManagedPolicy> policies;
  private LocalPrincipals principals;

  void begin() {
    roles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    policies = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    principals = null;
  }

  void end() {
    roles = null;
    policies = null;
    principals = null;
  }

  /** Keeps the role's state before its first change in this unit. */
  void role(String name, Supplier<LiveRole> before) {
    if (roles != null && !roles.containsKey(name)) {
      roles.put(name, before.get());
    }
  }

  /** Keeps the policy's state before its first change in this unit. */
  void policy(String name, Supplier<LiveManagedPolicy> before) {
    if (policies != null && !policies.containsKey(name)) {
      policies.put(name, before.get());
    }
  }

  /** Keeps the users and groups before their first change in this unit. */
  void principals(Supplier<LocalPrincipals> before) {
    if (roles != null && principals == null) {
      principals = before.get();
    }
  }

  /** Hands back what was kept (each entry once), then ends the unit. */
  void restore(
      BiConsumer<String, LiveRole> role,
      BiConsumer<String, LiveManagedPolicy> policy,
      Consumer<LocalPrincipals> users) {
    if (roles == null) {
      return;
    }
    roles.forEach(role);
    policies.forEach(policy);
    if (principals != null) {
      users.accept(principals);
    }
    end();
  }
}
