package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.SourceMap;
import java.util.Set;

/**
 * A policy document of the stack and where it is written.
 *
 * @param pointer JSON pointer of the document in the stack ({@code /roles/R/trustPolicy})
 * @param description how to name it in messages ({@code the trust policy of role R})
 */
record PolicySite(
    Kind kind, Resource resource, String pointer, PolicyDocument document, String description) {

  enum Kind {
    TRUST,
    INLINE,
    MANAGED;

    static final Set<Kind> IDENTITY = Set.of(INLINE, MANAGED);
    static final Set<Kind> ALL = Set.of(TRUST, INLINE, MANAGED);
  }

  /** The pointer of statement {@code index}, then of any element inside it. */
  String statement(int index, String... elements) {
    StringBuilder b = new StringBuilder(pointer).append("/Statement/").append(index);
    for (String e : elements) {
      b.append('/').append(SourceMap.segment(e));
    }
    return b.toString();
  }
}
