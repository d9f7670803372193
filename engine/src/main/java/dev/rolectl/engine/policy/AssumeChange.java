package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.policy.NormalizedPolicy.NormalizedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a trust policy change may take {@code sts:AssumeRole} from one service principal (e.g.
 * {@code ecs.amazonaws.com}) that the old policy admits.
 *
 * <p>Only the statements that concern the service count: those whose Action (or NotAction) covers
 * {@code sts:AssumeRole} and whose Principal (or NotPrincipal) takes in the service, through
 * {@code "*"}, {@code {"AWS": "*"}} or its name ({@link TrustAnalysis#appliesTo}). Seen from the
 * service, each is its Effect and its Condition. rolectl cannot evaluate a condition for the
 * service (what ECS sends as {@code aws:SourceAccount} or {@code aws:SourceArn} is not known
 * here), so:
 *
 * <ul>
 *   <li>the service certainly loses the role when no Allow statement admits it any more or an
 *       unconditional Deny denies it ({@link TrustAnalysis#allowsAssume});
 *   <li>it keeps the role when an Allow without a Condition admits it and no Deny concerns it;
 *   <li>otherwise it keeps the role only when the change, seen from the service, only broadens
 *       ({@link ImpactAnalysis}: a condition removed from an Allow, values added to its
 *       StringEquals or ArnLike, a Deny removed or given a condition); anything else (a condition
 *       added to or changed on an Allow, any Deny added, conditional or not) may take it away
 *       (fail closed).
 * </ul>
 */
public final class AssumeChange {
  private AssumeChange() {}

  /** Why rolectl cannot tell for sure, for a loss that a condition decides. */
  public static final String CANNOT_EVALUATE_CONDITION =
      "rolectl cannot evaluate a condition for the service";

  /** Why rolectl cannot tell for sure, for a service principal not written as AWS writes it. */
  public static final String CASE_NOT_DOCUMENTED =
      "AWS does not document that service principals match ignoring case or through wildcards";

  /**
   * How the service loses the role.
   *
   * @param certain {@code true} when it certainly can no longer assume the role, {@code false}
   *     when it may not (a condition rolectl cannot evaluate decides, or a principal written in
   *     another case)
   * @param reasons what changed, e.g. {@code the Allow statement (Sid X) that admits
   *     ecs.amazonaws.com now has Condition StringEquals aws:SourceAccount "999999999999"}
   * @param cannotTell for a loss that is not certain, why rolectl cannot tell ({@link
   *     #CANNOT_EVALUATE_CONDITION}, {@link #CASE_NOT_DOCUMENTED})
   */
  public record Loss(boolean certain, List<String> reasons, String cannotTell) {
    public Loss {
      reasons = List.copyOf(reasons);
    }

    Loss(boolean certain, List<String> reasons) {
      this(certain, reasons, CANNOT_EVALUATE_CONDITION);
    }
  }

  /**
   * What replacing {@code before} with {@code after} does to {@code service}'s assume: empty when
   * it keeps it (or never had it). The old policy counts as admitting the service when it may
   * ({@link TrustAnalysis#allowsAssume}); the new one only when it surely does ({@link
   * TrustAnalysis#surelyAllowsAssume}: an Allow that names the service exactly as given), and
   * every Deny that may match it counts.
   */
  public static Optional<Loss> of(PolicyDocument before, PolicyDocument after, String service) {
    Objects.requireNonNull(service, "service");
    if (!TrustAnalysis.allowsAssume(before, service)) {
      return Optional.empty();
    }
    List<Statement> now = concerning(after, service, true);
    if (!TrustAnalysis.surelyAllowsAssume(after, service)) {
      return Optional.of(lost(after, service));
    }
    boolean plainAllow = now.stream().anyMatch(s -> s.isAllow() && s.condition().isEmpty());
    if (plainAllow && now.stream().noneMatch(Statement::isDeny)) {
      return Optional.empty();
    }
    List<Statement> was = concerning(before, service, false);
    AccessImpact seen = ImpactAnalysis.of(view(was, service), view(now, service));
    if (seen == AccessImpact.NONE || seen == AccessImpact.BROADENING) {
      return Optional.empty();
    }
    return Optional.of(new Loss(false, reasons(was, now, service)));
  }

  /** The new policy does not surely let the service assume the role: why, certain or not. */
  private static Loss lost(PolicyDocument after, String service) {
    boolean certain = !TrustAnalysis.allowsAssume(after, service);
    List<Statement> all = concerning(after, service, false);
    for (Statement s : all) {
      if (s.isDeny() && s.condition().isEmpty()) {
        String what = TrustAnalysis.appliesTo(s, service, true)
            ? "a Deny statement without a Condition denies "
            : "a Deny statement" + describe(s) + " without a Condition may deny ";
        return new Loss(certain, List.of(what + service + " " + TrustAnalysis.ASSUME_ROLE),
            CASE_NOT_DOCUMENTED);
      }
    }
    List<String> loose = all.stream().filter(Statement::isAllow).map(s -> "the Allow statement"
        + describe(s) + " does not name " + service + " as AWS writes it").toList();
    if (!loose.isEmpty()) {
      return new Loss(certain, loose, CASE_NOT_DOCUMENTED);
    }
    return new Loss(true, List.of(
        "no Allow statement lets " + service + " call " + TrustAnalysis.ASSUME_ROLE));
  }

  /**
   * The statements of a document that concern the service calling sts:AssumeRole: every Deny
   * that may match it, and the Allow statements that may admit it ({@code surely} false: the old
   * policy) or surely do ({@code surely} true: the new one).
   */
  private static List<Statement> concerning(PolicyDocument d, String service, boolean surely) {
    if (d == null) {
      return List.of();
    }
    return d.statements().stream()
        .filter(s -> IamPatterns.coversAction(s, TrustAnalysis.ASSUME_ROLE))
        .filter(s -> TrustAnalysis.appliesTo(s, service, s.isAllow() && surely))
        .toList();
  }

  /** The statements as the service sees them: its own principal and action, effect, condition. */
  private static PolicyDocument view(List<Statement> statements, String service) {
    return new PolicyDocument(PolicyDocument.CURRENT_VERSION, null,
        statements.stream().map(s -> seenBy(s, service)).toList());
  }

  private static Statement seenBy(Statement s, String service) {
    return new Statement(null, s.effect(), Principal.of(Map.of("Service", List.of(service))), null,
        List.of(TrustAnalysis.ASSUME_ROLE), List.of(), List.of(), List.of(), s.condition());
  }

  /** The statements that are new as the service sees them, else the ones that went. */
  private static List<String> reasons(List<Statement> was, List<Statement> now, String service) {
    List<NormalizedStatement> old = was.stream().map(s -> normal(s, service)).toList();
    List<NormalizedStatement> kept = now.stream().map(s -> normal(s, service)).toList();
    List<String> out = new ArrayList<>();
    for (Statement s : now) {
      if (!old.contains(normal(s, service))) {
        out.add(s.isDeny()
            ? "a Deny statement" + describe(s) + " that can match " + service + " calling "
                + TrustAnalysis.ASSUME_ROLE + (s.condition().isEmpty() ? "" : " when "
                + condition(s) + " holds")
            : "the Allow statement" + describe(s) + " that admits " + service + " has "
                + condition(s));
      }
    }
    if (out.isEmpty()) {
      for (Statement s : was) {
        if (!kept.contains(normal(s, service))) {
          out.add("the " + s.effect() + " statement" + describe(s) + " that admitted " + service
              + " is removed; what is left admits it only under a Condition");
        }
      }
    }
    return out;
  }

  private static NormalizedStatement normal(Statement s, String service) {
    return NormalizedStatement.of(seenBy(s, service));
  }

  /** E.g. {@code " (Sid X, Principal "*", Action sts:*)"}. */
  private static String describe(Statement s) {
    List<String> parts = new ArrayList<>();
    if (s.sid() != null && !s.sid().isEmpty()) {
      parts.add("Sid " + s.sid());
    }
    if (s.principal() != null) {
      parts.add("Principal " + principal(s.principal()));
    }
    if (s.notPrincipal() != null) {
      parts.add("NotPrincipal " + principal(s.notPrincipal()));
    }
    if (!s.action().isEmpty()) {
      parts.add("Action " + String.join(", ", s.action()));
    }
    if (!s.notAction().isEmpty()) {
      parts.add("NotAction " + String.join(", ", s.notAction()));
    }
    return " (" + String.join(", ", parts) + ")";
  }

  private static String principal(Principal p) {
    if (p.wildcard()) {
      return "\"*\"";
    }
    return p.byType().entrySet().stream()
        .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
        .collect(Collectors.joining("; ", "{", "}"));
  }

  /** E.g. {@code Condition StringEquals aws:SourceAccount "999999999999"}. */
  static String condition(Statement s) {
    if (s.condition().isEmpty()) {
      return "no Condition";
    }
    List<String> tests = new ArrayList<>();
    s.condition().forEach((op, keys) -> keys.forEach((key, values) -> tests.add(op + " " + key
        + " " + values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ")))));
    return "Condition " + String.join(" and ", tests);
  }
}
