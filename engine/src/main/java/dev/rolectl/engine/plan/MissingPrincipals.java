package dev.rolectl.engine.plan;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Stack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code attachTo} names principals that must exist already: a missing one is a warning at plan
 * time (apply will fail on that change unless the principal exists by then), rather than a
 * surprise halfway through apply. Planning reads users and groups whenever
 * the stack attaches policies to them, so the live account has them.
 */
final class MissingPrincipals {
  static final String RULE = "missing-principal";

  private MissingPrincipals() {}

  /** IAM names are unique case-insensitively: {@code Deployer} names user {@code deployer}. */
  private static String key(PrincipalType type, String name) {
    return type + "/" + name.toLowerCase(Locale.ROOT);
  }

  static List<Diagnostic> check(Stack stack, LiveAccount live) {
    Set<String> known = new HashSet<>();
    for (LivePrincipal p : live.principals()) {
      known.add(key(p.type(), p.name()));
    }
    live.roles().keySet().forEach(name -> known.add(key(PrincipalType.ROLE, name)));
    List<Diagnostic> out = new ArrayList<>();
    stack.resources(PrincipalPolicyAttachment.class)
        .forEach(
            a -> {
              if (!known.contains(key(a.principalType(), a.principalName()))) {
                String kind = a.principalType().name().toLowerCase(Locale.ROOT);
                out.add(
                    new Diagnostic(
                        Severity.WARNING,
                        RULE,
                        a.location(),
                        a.address(),
                        "policy "
                            + a.policyName()
                            + " is to be attached to "
                            + kind
                            + " "
                            + a.principalName()
                            + ", but account "
                            + live.accountId()
                            + " has no such "
                            + kind
                            + " (apply will fail on this change): create the "
                            + kind
                            + " first, or remove it from attachTo."
                            + a.principalType().yamlKey()));
              }
            });
    return out;
  }
}
