package dev.rolectl.engine.plan;

import dev.rolectl.engine.model.Stack;
import java.util.Objects;

/**
 * What a plan was made from, saved in the plan file so that {@code apply PLANFILE} can plan it
 * again against live IAM (and run that plan, not the file's): the stack with its references and
 * variables resolved, and the planning option that shapes the result.
 *
 * @param stack the resolved stack; its {@link Stack#sourceMap()} is not saved (diagnostics of a
 *     re-plan point at the resources' own locations)
 * @param adoptAll {@code plan --adopt}: every declared role or policy that exists without a {@code
 *     rolectl:stack} tag is adopted
 */
public record ResolvedStack(Stack stack, boolean adoptAll) {
  public ResolvedStack {
    Objects.requireNonNull(stack, "stack");
  }

  /** SHA-256 of the content ({@link Fingerprints#stack(ResolvedStack)}), {@code sha256:HEX}. */
  public String digest() {
    return Fingerprints.stack(this);
  }
}
