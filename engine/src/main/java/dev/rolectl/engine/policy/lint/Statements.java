package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.policy.IamPatterns;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small questions lint rules ask about statements. */
final class Statements {
  static final String PASS_ROLE = "iam:PassRole";
  private static final Pattern ACCOUNT_ROOT =
      Pattern.compile("arn:aws(?:-[a-z]+)*:iam::(\\d{12}):root");
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private Statements() {}

  /** Resource {@code "*"} or any NotResource: the statement applies to (nearly) everything. */
  static boolean wideResource(Statement s) {
    return s.resource().contains("*") || !s.notResource().isEmpty();
  }

  /** The pointer element naming the wide resource ({@code Resource} or {@code NotResource}). */
  static String wideResourceElement(Statement s) {
    return s.notResource().isEmpty() ? "Resource" : "NotResource";
  }

  /** Whether some condition of the statement uses a key matching {@code key} (lower case). */
  static boolean hasConditionKey(Statement s, Predicate<String> key) {
    return s.condition().values().stream()
        .flatMap(keys -> keys.keySet().stream())
        .anyMatch(k -> key.test(k.toLowerCase(Locale.ROOT)));
  }

  /** The listed actions the statement covers (by Action patterns or through NotAction). */
  static List<String> covered(Statement s, List<String> actions) {
    return actions.stream().filter(a -> IamPatterns.coversAction(s, a)).toList();
  }

  /** How a statement reaches {@code action}: "Action x, y" or "NotAction". */
  static String via(Statement s, String action) {
    if (s.action().isEmpty()) {
      return "NotAction, which leaves it out of " + String.join(", ", s.notAction());
    }
    return "Action " + String.join(", ", s.action().stream()
        .filter(p -> IamPatterns.matches(p, action)).toList());
  }

  /** The account id an AWS principal value grants as a whole account, or {@code null}. */
  static String wholeAccount(String awsPrincipal) {
    if (ACCOUNT_ID.matcher(awsPrincipal).matches()) {
      return awsPrincipal;
    }
    Matcher m = ACCOUNT_ROOT.matcher(awsPrincipal);
    return m.matches() ? m.group(1) : null;
  }

  /** Whether the principal is {@code "*"} or has {@code AWS: "*"}. */
  static boolean anyone(Principal p) {
    return p != null && (p.wildcard() || p.values("AWS").contains("*"));
  }

  /** "; did you mean 'x'?" for a likely typo, or "". */
  static String didYouMean(String input, java.util.Collection<String> candidates) {
    return dev.rolectl.engine.model.Suggest.closest(input, candidates)
        .map(c -> "; did you mean '" + c + "'?").orElse("");
  }

  /** "statement 2 of the trust policy of role r (Sid X)". */
  static String name(PolicySite site, int index, Statement s) {
    String sid = s.sid() == null || s.sid().isEmpty() ? "" : " (Sid " + s.sid() + ")";
    return "statement " + index + sid + " of " + site.description();
  }
}
