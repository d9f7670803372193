package dev.rolectl.engine.plan;

import dev.rolectl.engine.model.PolicyDocument;
import java.util.Objects;

/** One attribute-level difference of a change. */
public sealed interface AttributeDiff {

  /** The attribute's name as written in the stack file, e.g. {@code description}, {@code tags.team}. */
  String attribute();

  /** A scalar attribute; {@code null} means absent. */
  record Value(String attribute, String before, String after) implements AttributeDiff {
    public Value {
      Objects.requireNonNull(attribute, "attribute");
      if (Objects.equals(before, after)) {
        throw new IllegalArgumentException("no difference in " + attribute);
      }
    }
  }

  /**
   * A policy document that is not equivalent to the other side; {@code null} means absent. The
   * statement-level view is computed from the two documents.
   */
  record Document(String attribute, PolicyDocument before, PolicyDocument after)
      implements AttributeDiff {
    public Document {
      Objects.requireNonNull(attribute, "attribute");
    }
  }
}
