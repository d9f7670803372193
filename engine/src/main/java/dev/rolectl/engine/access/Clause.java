package dev.rolectl.engine.access;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One test of a statement's Condition: an operator, a condition key (lower case: IAM compares
 * keys ignoring case) and the values, as the IAM User Guide's condition operator reference
 * defines them. A request gives each key one value or none.
 *
 * <p>Modelled: the String, Arn, Numeric and Bool operators with their IfExists forms, and Null.
 * A key the request lacks makes a positive operator false and a negated one true; IfExists makes
 * the test true then. Not modelled (the answer is "unknown", named by {@link #label()}): Date,
 * IpAddress, Binary and set operators ({@code ForAnyValue:}, {@code ForAllValues:}), unknown
 * operators, keys whose value rolectl cannot know ({@link #UNKNOWN_KEYS}), and values with a
 * policy variable ({@code ${...}}) left after the principal's own were filled in.
 */
record Clause(String operator, String key, List<String> values, String written) {
  /** Principal keys whose values are not in the account read. */
  static final Set<String> UNKNOWN_KEYS = Set.of("aws:principalorgid", "aws:principalorgpaths",
      "aws:userid", "aws:sourceidentity", "aws:principalservicenamelist", "aws:federatedprovider",
      "aws:tokenissuetime", "aws:calledvia", "aws:calledviafirst", "aws:calledvialast",
      "aws:viaawsservice", "aws:sourcevpc", "aws:sourcevpce", "aws:vpcsourceip");

  /**
   * @param written the key as the policy writes it ({@code iam:PassedToService}), for {@link
   *     #label()}; compared by {@link #key()}, its lower case
   */
  Clause {
    written = written == null ? key : written;
    key = key.toLowerCase(Locale.ROOT);
    values = List.copyOf(values);
  }

  /** Equal when operator, key (in any case) and values are: how it is written does not count. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Clause c && operator.equals(c.operator) && key.equals(c.key)
        && values.equals(c.values);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(operator, key, values);
  }

  /** A clause whose key is shown as given. */
  Clause(String operator, String key, List<String> values) {
    this(operator, key, values, key);
  }

  /** How it reads in a plan: {@code StringEquals iam:PassedToService ecs.amazonaws.com}. */
  String label() {
    return operator + " " + written + " " + (values.size() == 1 ? values.get(0) : values);
  }

  /** Whether the operator and key are modelled (values may still hold an unknown variable). */
  boolean modelled() {
    return !UNKNOWN_KEYS.contains(key) && Op.of(operator) != null;
  }

  /** The answer for a request whose context gives {@code context} (lower-case keys). */
  Truth test(Map<String, String> context) {
    Op op = Op.of(operator);
    if (op == null || UNKNOWN_KEYS.contains(key)
        || values.stream().anyMatch(v -> v.contains("${"))) {
      return Truth.UNKNOWN;
    }
    String value = context.get(key);
    if (op.family == Family.NULL) {
      boolean absent = value == null;
      return Truth.of(values.stream().anyMatch(v -> v.equalsIgnoreCase(String.valueOf(absent))));
    }
    if (value == null) {
      return Truth.of(op.ifExists || op.negated);
    }
    boolean any = false;
    for (String v : values) {
      Truth t = op.family.matches(v, value);
      if (t == Truth.UNKNOWN) {
        return Truth.UNKNOWN;
      }
      any |= t == Truth.TRUE;
    }
    return Truth.of(op.negated != any);
  }

  /** The kinds of comparison. */
  enum Family {
    STRING, STRING_IGNORE_CASE, STRING_LIKE, ARN, NUMERIC_EQ, NUMERIC_LT, NUMERIC_LE, NUMERIC_GT,
    NUMERIC_GE, BOOL, NULL;

    Truth matches(String policy, String request) {
      return switch (this) {
        case STRING -> Truth.of(policy.equals(request));
        case STRING_IGNORE_CASE -> Truth.of(policy.equalsIgnoreCase(request));
        case STRING_LIKE -> Truth.of(Glob.matches(policy, request));
        case ARN -> Truth.of(arnLike(policy, request));
        case BOOL -> Truth.of(policy.equalsIgnoreCase(request));
        case NUMERIC_EQ, NUMERIC_LT, NUMERIC_LE, NUMERIC_GT, NUMERIC_GE -> numeric(policy, request);
        case NULL -> Truth.UNKNOWN;
      };
    }

    private Truth numeric(String policy, String request) {
      try {
        int c = new java.math.BigDecimal(request).compareTo(new java.math.BigDecimal(policy));
        return Truth.of(switch (this) {
          case NUMERIC_EQ -> c == 0;
          case NUMERIC_LT -> c < 0;
          case NUMERIC_LE -> c <= 0;
          case NUMERIC_GT -> c > 0;
          default -> c >= 0;
        });
      } catch (NumberFormatException e) {
        return Truth.UNKNOWN;
      }
    }
  }

  /**
   * ArnEquals and ArnLike: each of the six colon-separated parts is matched on its own, with
   * wildcards; the last part keeps its colons.
   */
  static boolean arnLike(String pattern, String arn) {
    String[] p = pattern.split(":", 6);
    String[] a = arn.split(":", 6);
    if (p.length != 6 || a.length != 6) {
      return Glob.matches(pattern, arn);
    }
    for (int i = 0; i < 6; i++) {
      if (!Glob.matches(p[i], a[i])) {
        return false;
      }
    }
    return true;
  }

  /** An operator: its family, whether negated, whether IfExists. */
  record Op(Family family, boolean negated, boolean ifExists) {
    static Op of(String operator) {
      if (operator.startsWith("For")) {
        return null;
      }
      boolean ifExists = operator.endsWith("IfExists");
      String base = ifExists ? operator.substring(0, operator.length() - 8) : operator;
      return switch (base) {
        case "StringEquals" -> new Op(Family.STRING, false, ifExists);
        case "StringNotEquals" -> new Op(Family.STRING, true, ifExists);
        case "StringEqualsIgnoreCase" -> new Op(Family.STRING_IGNORE_CASE, false, ifExists);
        case "StringNotEqualsIgnoreCase" -> new Op(Family.STRING_IGNORE_CASE, true, ifExists);
        case "StringLike" -> new Op(Family.STRING_LIKE, false, ifExists);
        case "StringNotLike" -> new Op(Family.STRING_LIKE, true, ifExists);
        case "ArnEquals", "ArnLike" -> new Op(Family.ARN, false, ifExists);
        case "ArnNotEquals", "ArnNotLike" -> new Op(Family.ARN, true, ifExists);
        case "NumericEquals" -> new Op(Family.NUMERIC_EQ, false, ifExists);
        case "NumericNotEquals" -> new Op(Family.NUMERIC_EQ, true, ifExists);
        case "NumericLessThan" -> new Op(Family.NUMERIC_LT, false, ifExists);
        case "NumericLessThanEquals" -> new Op(Family.NUMERIC_LE, false, ifExists);
        case "NumericGreaterThan" -> new Op(Family.NUMERIC_GT, false, ifExists);
        case "NumericGreaterThanEquals" -> new Op(Family.NUMERIC_GE, false, ifExists);
        case "Bool" -> new Op(Family.BOOL, false, ifExists);
        case "Null" -> ifExists ? null : new Op(Family.NULL, false, false);
        default -> null;
      };
    }
  }
}
