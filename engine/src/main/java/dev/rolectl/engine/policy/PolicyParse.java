package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.PolicyDocument;
import java.util.List;
import java.util.Optional;

/** A parsed policy document, or the problems that prevented it. */
public record PolicyParse(Optional<PolicyDocument> document, List<PolicyProblem> problems) {
  public PolicyParse {
    problems = List.copyOf(problems);
  }
}
