package dev.rolectl.engine.access;

import java.util.List;
import java.util.Objects;

/**
 * A principal of the account with its compiled policies: identity-based (inline and managed, a
 * user's groups' too) and its permissions boundary ({@code null} when it has none).
 */
record Subject(Who who, List<Rule> identity, List<Rule> boundary) {
  Subject {
    Objects.requireNonNull(who, "who");
    identity = List.copyOf(identity);
    boundary = boundary == null ? null : List.copyOf(boundary);
  }

  /** The Deny statements of its policies and boundary. */
  List<Rule> denies() {
    List<Rule> out = new java.util.ArrayList<>();
    identity.stream().filter(r -> !r.allow()).forEach(out::add);
    if (boundary != null) {
      boundary.stream().filter(r -> !r.allow()).forEach(out::add);
    }
    return out;
  }
}
