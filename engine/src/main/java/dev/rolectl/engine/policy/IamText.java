package dev.rolectl.engine.policy;

import java.util.regex.Pattern;

/**
 * The character sets and lengths IAM's API accepts for names, paths, descriptions, tags and
 * policy documents (the patterns of botocore's {@code iam/2010-05-08/service-2.json}:
 * roleNameType, policyNameType, pathType, policyPathType, roleDescriptionType, tagKeyType,
 * tagValueType, policyDocumentType). Each {@code ...Problem} method returns {@code null} for an
 * accepted value, else what is wrong, phrased to follow "the description of role R ...".
 */
public final class IamText {
  private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
  private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]+/");
  private static final Pattern POLICY_PATH = Pattern.compile("((/[A-Za-z0-9.,+@=_-]+)*)/");
  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

  private IamText() {}

  /** The first code point outside tab, LF, CR and U+0020-U+00FF, or -1. */
  public static int firstOutsidePolicyCharacters(String s) {
    return first(s, cp -> cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xFF));
  }

  /** "'—' (U+2014)". */
  public static String describe(int codePoint) {
    String shown = Character.isISOControl(codePoint) ? "" : "'" + Character.toString(codePoint)
        + "' ";
    return shown + String.format("(U+%04X)", codePoint);
  }

  public static String roleDescriptionProblem(String s) {
    if (s.codePointCount(0, s.length()) > 1000) {
      return "is " + s.codePointCount(0, s.length()) + " characters; IAM allows 1,000";
    }
    int bad = first(s, cp -> cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0x7E)
        || (cp >= 0xA1 && cp <= 0xFF));
    return bad < 0 ? null : "contains " + describe(bad) + ", but IAM accepts only tab, line "
        + "breaks and printable Latin-1 characters (U+0020-U+007E, U+00A1-U+00FF) there: "
        + "replace it (e.g. - for a dash, ' for a curly quote)";
  }

  public static String roleNameProblem(String s) {
    return name(s, 64);
  }

  public static String policyNameProblem(String s) {
    return name(s, 128);
  }

  public static String rolePathProblem(String s) {
    return s.length() <= 512 && PATH.matcher(s).matches() ? null
        : "is not an IAM path: / or /segments/ of printable ASCII, at most 512 characters";
  }

  public static String policyPathProblem(String s) {
    return s.length() <= 512 && POLICY_PATH.matcher(s).matches() ? null
        : "is not a policy path: / or /segments/ of letters, digits and . , + @ = _ -, at most "
            + "512 characters";
  }

  public static String tagKeyProblem(String s) {
    if (s.isEmpty() || s.length() > 128) {
      return "must be 1 to 128 characters";
    }
    return tag(s);
  }

  public static String tagValueProblem(String s) {
    return s.length() > 256 ? "is longer than 256 characters" : tag(s);
  }

  private static String tag(String s) {
    if (TAG.matcher(s).matches()) {
      return null;
    }
    int bad = first(s, cp -> TAG.matcher(Character.toString(cp)).matches());
    return "contains " + describe(bad) + ", but IAM accepts only letters, digits, spaces and "
        + "_ . : / = + - @ in tags";
  }

  private static String name(String s, int max) {
    if (s.isEmpty() || s.length() > max) {
      return "must be 1 to " + max + " characters";
    }
    return NAME.matcher(s).matches() ? null
        : "may contain only letters, digits and + = , . @ _ -";
  }

  private static int first(String s, java.util.function.IntPredicate ok) {
    return s.codePoints().filter(cp -> !ok.test(cp)).findFirst().orElse(-1);
  }
}
