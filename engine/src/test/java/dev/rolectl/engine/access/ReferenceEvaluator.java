package dev.rolectl.engine.access;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.policy.IamPatterns;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately plain evaluator of IAM's policy evaluation logic for requests within one account,
 * written from the IAM User Guide's chapter on it (the summary of the enforcement code's steps,
 * the single-account flow charts, the condition operator reference), for fully known requests
 * only. It shares no code with the engine's evaluator but the wildcard matcher, so that the two
 * can be compared (AccessPropertiesTest).
 *
 * <p>Steps, as the guide orders them (SCPs, RCPs and session policies out of scope):
 * <ol>
 *   <li>An explicit Deny in any applicable policy (identity, boundary, the role's trust) is final.
 *   <li>A resource-based policy (for sts:AssumeRole, the trust policy) that allows the principal
 *       named by its own ARN allows: a user whatever its boundary, a role within its boundary.
 *   <li>Otherwise an identity-based Allow is needed, and an Allow in the permissions boundary
 *       when there is one; for sts:AssumeRole the trust must also allow the principal (by its ARN
 *       or its account).
 * </ol>
 */
final class ReferenceEvaluator {
  private ReferenceEvaluator() {}

  /** A fully known request: who (ARN, account, user or not), what, on what, with which keys. */
  record Req(String arn, String account, boolean user, String action, String resource,
      Map<String, String> keys) {}

  static boolean allowed(Req r, List<PolicyDocument> identity, List<PolicyDocument> boundary,
      PolicyDocument trust) {
    boolean assume = trust != null;
    if (anyApplies(identity, r, "Deny", false) || (boundary != null
        && anyApplies(boundary, r, "Deny", false))
        || (assume && trustApplies(trust, r, "Deny") != Named.NO)) {
      return false;
    }
    boolean identityAllows = anyApplies(identity, r, "Allow", false);
    boolean boundaryAllows = boundary == null || anyApplies(boundary, r, "Allow", false);
    if (!assume) {
      return identityAllows && boundaryAllows;
    }
    Named t = trustApplies(trust, r, "Allow");
    if (t == Named.ITSELF && (r.user() || boundaryAllows)) {
      return true;
    }
    return t != Named.NO && identityAllows && boundaryAllows;
  }

  private enum Named { NO, ITSELF, ACCOUNT }

  private static boolean anyApplies(List<PolicyDocument> docs, Req r, String effect,
      boolean unused) {
    for (PolicyDocument d : docs) {
      for (Statement s : d.statements()) {
        if (s.effect().equalsIgnoreCase(effect) && applies(s, r)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Named trustApplies(PolicyDocument trust, Req r, String effect) {
    Named best = Named.NO;
    for (Statement s : trust.statements()) {
      if (!s.effect().equalsIgnoreCase(effect) || !applies(s, r)) {
        continue;
      }
      Named n = s.principal() != null ? names(s.principal(), r)
          : s.notPrincipal() != null && names(s.notPrincipal(), r) == Named.NO ? Named.ITSELF
          : Named.NO;
      if (n == Named.ITSELF) {
        return n;
      }
      if (n == Named.ACCOUNT) {
        best = n;
      }
    }
    return best;
  }

  private static Named names(Principal p, Req r) {
    if (p.wildcard()) {
      return Named.ITSELF;
    }
    Named out = Named.NO;
    for (String v : p.values("AWS")) {
      if (v.equals("*") || v.equals(r.arn())) {
        return Named.ITSELF;
      }
      if (v.equals(r.account()) || v.equals("arn:aws:iam::" + r.account() + ":root")) {
        out = Named.ACCOUNT;
      }
    }
    return out;
  }

  /** Action, resource and every condition match (statement elements, IAM JSON reference). */
  private static boolean applies(Statement s, Req r) {
    boolean action = !s.action().isEmpty() ? s.action().stream().anyMatch(a -> IamPatterns.matches(a, r.action()))
        : s.notAction().stream().noneMatch(a -> IamPatterns.matches(a, r.action()));
    boolean resource = !s.resource().isEmpty()
        ? s.resource().stream().anyMatch(p -> IamPatterns.matchesCaseSensitive(p, r.resource()))
        : s.notResource().isEmpty()
            || s.notResource().stream().noneMatch(p -> IamPatterns.matchesCaseSensitive(p, r.resource()));
    if (!action || !resource) {
      return false;
    }
    for (var op : s.condition().entrySet()) {
      for (var key : op.getValue().entrySet()) {
        if (!condition(op.getKey(), key.getKey(), key.getValue(), r.keys())) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * One operator on one key (the condition operator reference): values are ORed, a negated
   * operator NORs them; a key the request lacks fails a positive operator and passes a negated
   * one, and passes any ...IfExists; Null tests presence.
   */
  static boolean condition(String operator, String key, List<String> values, Map<String, String> keys) {
    String v = null;
    for (var e : keys.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        v = e.getValue();
      }
    }
    if (operator.equals("Null")) {
      boolean absent = v == null;
      return values.stream().anyMatch(x -> Boolean.parseBoolean(x.toLowerCase(Locale.ROOT)) == absent);
    }
    boolean ifExists = operator.endsWith("IfExists");
    String op = ifExists ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
    boolean negated = op.contains("Not");
    if (v == null) {
      return ifExists || negated;
    }
    boolean any = false;
    for (String x : values) {
      any |= switch (op) {
        case "StringEquals", "StringNotEquals" -> x.equals(v);
        case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase" -> x.equalsIgnoreCase(v);
        case "StringLike", "StringNotLike" -> IamPatterns.matchesCaseSensitive(x, v);
        case "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike" -> arn(x, v);
        case "Bool" -> x.equalsIgnoreCase(v);
        case "NumericEquals", "NumericNotEquals" -> Double.parseDouble(v) == Double.parseDouble(x);
        case "NumericLessThan" -> Double.parseDouble(v) < Double.parseDouble(x);
        case "NumericGreaterThan" -> Double.parseDouble(v) > Double.parseDouble(x);
        default -> throw new IllegalArgumentException("not in the reference: " + operator);
      };
    }
    return negated != any;
  }

  /** ARN matching: six colon-separated parts, each with wildcards. */
  private static boolean arn(String pattern, String value) {
    String[] p = pattern.split(":", 6);
    String[] a = value.split(":", 6);
    if (p.length < 6 || a.length < 6) {
      return false;
    }
    for (int i = 0; i < 6; i++) {
      if (!IamPatterns.matchesCaseSensitive(p[i], a[i])) {
        return false;
      }
    }
    return true;
  }
}
