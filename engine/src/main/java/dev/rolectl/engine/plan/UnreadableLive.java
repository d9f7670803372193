package dev.rolectl.engine.plan;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.UnreadableDocument;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Live roles and policies whose documents could not be read ({@link LiveAccount#unreadable()}):
 * for one the stack declares, an error (rule {@code live-unreadable}) that leaves the resource
 * and its children out of the plan, so that the rest of the plan can still be shown but nothing
 * is applied; for any other, a warning (rule {@code live-unreadable-ignored}).
 */
final class UnreadableLive {
  static final String DECLARED = "live-unreadable";
  static final String IGNORED = "live-unreadable-ignored";

  private UnreadableLive() {}

  /** The addresses to leave out of the plan; diagnostics go to {@code out}. */
  static Set<Address> check(Stack stack, LiveAccount live, List<Diagnostic> out) {
    Set<Address> excluded = new TreeSet<>();
    for (UnreadableDocument u : live.unreadable()) {
      String kind = u.kind() == UnreadableDocument.Kind.ROLE ? "role" : "customer managed policy";
      Resource declared = declared(stack, u);
      if (declared == null) {
        Address address = u.kind() == UnreadableDocument.Kind.ROLE
            ? Address.role(u.name()) : Address.policy(u.name());
        out.add(new Diagnostic(Severity.WARNING, IGNORED, null, address, "live " + kind + " "
            + u.arn() + " was left out: " + u.problem() + ". The stack does not declare it, so "
            + "the plan does not depend on it (if it carries this stack's tag, its deletion is "
            + "not planned)"));
        continue;
      }
      excluded.add(declared.address());
      out.add(new Diagnostic(Severity.ERROR, DECLARED, declared.location(), declared.address(),
          "the live " + kind + " " + u.arn() + " could not be read: " + u.problem() + ". The "
          + "plan below leaves " + declared.address() + " out and nothing can be applied until "
          + "rolectl can read it: rewrite the document in IAM (or report it to rolectl)"));
    }
    return excluded;
  }

  private static Resource declared(Stack stack, UnreadableDocument u) {
    String name = u.name().toLowerCase(Locale.ROOT);
    return stack.resources().stream()
        .filter(r -> u.kind() == UnreadableDocument.Kind.ROLE
            ? r instanceof dev.rolectl.engine.model.Role role
                && role.name().toLowerCase(Locale.ROOT).equals(name)
            : r instanceof dev.rolectl.engine.model.ManagedPolicy p
                && p.name().toLowerCase(Locale.ROOT).equals(name))
        .findFirst().orElse(null);
  }

  /** Removes the excluded resources and their children from {@code desired}. */
  static void exclude(Map<Address, Resource> desired, Set<Address> excluded) {
    if (excluded.isEmpty()) {
      return;
    }
    List<Address> gone = new ArrayList<>();
    desired.forEach((address, r) -> {
      boolean top = r instanceof dev.rolectl.engine.model.Role
          || r instanceof dev.rolectl.engine.model.ManagedPolicy;
      if (excluded.contains(address) || (!top && excluded.contains(Differ.parentOf(r)))) {
        gone.add(address);
      }
    });
    gone.forEach(desired::remove);
  }
}
