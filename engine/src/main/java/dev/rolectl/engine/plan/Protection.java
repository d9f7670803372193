package dev.rolectl.engine.plan;

import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Stack;
import java.util.Optional;

/**
 * The rule {@value #RULE}: a role or customer managed policy that is protected is never deleted
 * or replaced. Protected means declared with {@code protect: true}, or carrying the live tag
 * {@link Stack#PROTECT_TAG}{@code =true} (written with {@code protect: true}, so that taking the
 * resource out of the stack does not take its protection away). Deleting a protected resource
 * therefore takes two deliberate applies: one with {@code protect: false} (the tag is dropped),
 * then the delete. Unlike Terraform's {@code prevent_destroy}, the protection outlives the block.
 *
 * <p>{@code plan} gives such a change a block verdict (exit 3); {@code apply} refuses it again
 * from the plan's own data, whatever the verdicts of a saved plan say.
 */
public final class Protection {
  /** Rule id of the verdict. */
  public static final String RULE = "protected";

  private Protection() {}

  /** Whether the resource is protected (declared so, or by its live tag). */
  public static boolean isProtected(Resource r) {
    if (r instanceof Role role) {
      return role.protect() || tagged(role.tags().get(Stack.PROTECT_TAG));
    }
    if (r instanceof ManagedPolicy p) {
      return p.protect() || tagged(p.tags().get(Stack.PROTECT_TAG));
    }
    return false;
  }

  /** A block verdict when the change deletes or replaces a protected resource; else empty. */
  public static Optional<Verdict> verdict(ResourceChange c) {
    return refusal(c).map(m -> Verdict.block(RULE, m));
  }

  /**
   * Why the change must not be made: it deletes or replaces a resource that is protected live or
   * in the stack. Empty for every other change.
   */
  public static Optional<String> refusal(ResourceChange c) {
    if (c.action() != Action.DELETE && c.action() != Action.REPLACE) {
      return Optional.empty();
    }
    Optional<Verdict> given =
        c.verdicts().stream().filter(v -> v.isBlock() && v.rule().equals(RULE)).findFirst();
    if (given.isPresent()) {
      return Optional.of(given.get().message());
    }
    boolean live = c.before() != null && isProtected(c.before());
    boolean declared = c.after() != null && isProtected(c.after());
    if (!live && !declared) {
      return Optional.empty();
    }
    String kind = c.kind().label();
    String where = c.after() != null ? " (" + c.after().location() + ")" : "";
    String why =
        declared
            ? "it is declared with protect: true" + where
            : "the live " + kind + " carries the tag " + Stack.PROTECT_TAG + "=true";
    if (c.action() == Action.DELETE) {
      return Optional.of(
          c.address() + " is protected (" + why + "), so rolectl does not delete it. To delete it"
              + " on purpose, keep it in the stack with protect: false and apply (that drops the"
              + " tag), then remove it from the stack and apply again.");
    }
    return Optional.of(
        c.address() + " is protected (" + why + "), so rolectl does not replace it ("
            + c.reason() + "; replacing deletes it and creates a new one). Undo that change, or"
            + " apply protect: false alone first, then apply the change.");
  }

  /**
   * The verdict for an attachment or inline policy whose role or policy is kept by this rule: it
   * is not removed either (a protected role keeps its permissions).
   */
  static Verdict withParent(ResourceChange child, Verdict parent) {
    return Verdict.block(
        RULE, child.address() + " stays: " + parent.message());
  }

  private static boolean tagged(String value) {
    return value != null && value.equalsIgnoreCase("true");
  }
}
