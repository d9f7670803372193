package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two versions of a policy document, statement by statement. Equivalent
 * statements never appear. Built by {@link StatementDiff#diff}.
 *
 * @param documentChanges document-level elements that changed ({@link PolicyElement#VERSION},
 *     {@link PolicyElement#ID}); empty when a document was created or deleted
 * @param added statements only in the new document, in its order
 * @param removed statements only in the old document, in its order
 * @param changed statements matched by (non-empty) Sid (any element changed) or by the same
 *     Effect/Action/Resource shape (only Principal, NotPrincipal or Condition changed)
 */
public record PolicyDiff(
    Set<PolicyElement> documentChanges,
    List<Statement> added,
    List<Statement> removed,
    List<StatementChange> changed) {

  public PolicyDiff {
    documentChanges = PolicyElement.ordered(documentChanges);
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  /** Whether the two documents were equivalent. */
  public boolean isEmpty() {
    return documentChanges.isEmpty() && added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /** One statement changed in place, with the elements that differ. */
  public record StatementChange(Statement before, Statement after, Set<PolicyElement> elements) {
    public StatementChange {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
      elements = PolicyElement.ordered(elements);
      if (elements.isEmpty()) {
        throw new IllegalArgumentException("a change changes at least one element");
      }
    }
  }
}
