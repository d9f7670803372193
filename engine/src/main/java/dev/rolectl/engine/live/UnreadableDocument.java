package dev.rolectl.engine.live;

import java.util.Objects;

/**
 * A role or customer managed policy whose policy document rolectl cannot model (IAM accepted it,
 * e.g. {@code "ArnEquals": {"aws:SourceArn": []}}). Reading the account does not fail because of
 * it: the resource is left out of {@link LiveAccount#roles()} / {@link LiveAccount#policies()} and
 * listed here, and planning decides what that means (a warning for a resource the stack does not
 * declare, an error for one it does).
 *
 * @param kind a role or a customer managed policy
 * @param name the role or policy name
 * @param arn its ARN
 * @param problem which document could not be read and why, without parser internals
 * @param raw the entry as an account file holds it (JSON), so that a file target writes it back
 *     unchanged; {@code null} for other targets
 */
public record UnreadableDocument(Kind kind, String name, String arn, String problem, String raw) {
  /** What the unreadable document belongs to. */
  public enum Kind {
    ROLE,
    POLICY
  }

  public UnreadableDocument {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(problem, "problem");
  }
}
