package dev.rolectl.engine.policy;

import dev.rolectl.engine.policy.catalogue.IamApiModel;
import java.util.regex.Pattern;

/**
 * The character sets and lengths IAM's API accepts for names, paths, descriptions, tags and
 * policy documents, as {@link IamApiModel} has them from IAM's published API model (roleNameType,
 * policyNameType, pathType, policyPathType, roleDescriptionType, tagKeyType, tagValueType,
 * policyDocumentType). Each {@code ...Problem} method returns {@code null} for an
 * accepted value, else what is wrong, phrased to follow "the description of role R ...".
 */
public final class IamText {
  private static final Pattern TAG_CHAR = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]");

  private IamText() {}

  private static IamApiModel.Constraint api(String operation, String member) {
    return IamApiModel.get().of(operation, member);
  }

  /** The first code point outside IAM's policy document pattern (tab, LF, CR, U+0020-U+00FF), or -1. */
  public static int firstOutsidePolicyCharacters(String s) {
    Pattern doc = api("CreatePolicy", "PolicyDocument").pattern();
    return first(s, cp -> doc.matcher(Character.toString(cp)).matches());
  }

  /** "'\u2014' (U+2014)". */
  public static String describe(int codePoint) {
    String shown = Character.isISOControl(codePoint) ? "" : "'" + Character.toString(codePoint)
        + "' ";
    return shown + String.format("(U+%04X)", codePoint);
  }

  public static String roleDescriptionProblem(String s) {
    IamApiModel.Constraint c = api("CreateRole", "Description");
    if (s.codePointCount(0, s.length()) > c.max()) {
      return "is " + s.codePointCount(0, s.length()) + " characters; IAM allows "
          + String.format("%,d", c.max());
    }
    int bad = first(s, cp -> c.pattern().matcher(Character.toString(cp)).matches());
    return bad < 0 ? null : "contains " + describe(bad) + ", but IAM accepts only tab, line "
        + "breaks and printable Latin-1 characters (U+0020-U+007E, U+00A1-U+00FF) there: "
        + "replace it (e.g. - for a dash, ' for a curly quote)";
  }

  public static String roleNameProblem(String s) {
    return name(s, api("CreateRole", "RoleName"));
  }

  public static String policyNameProblem(String s) {
    return name(s, api("CreatePolicy", "PolicyName"));
  }

  public static String rolePathProblem(String s) {
    return api("CreateRole", "Path").problem(s) == null ? null
        : "is not an IAM path: / or /segments/ of printable ASCII, at most 512 characters";
  }

  public static String policyPathProblem(String s) {
    return api("CreatePolicy", "Path").problem(s) == null ? null
        : "is not a policy path: / or /segments/ of letters, digits and . , + @ = _ -, at most "
            + "512 characters";
  }

  public static String tagKeyProblem(String s) {
    IamApiModel.Constraint c = api("TagRole", "Tags[].Key");
    if (s.length() < c.min() || s.length() > c.max()) {
      return "must be " + c.range() + " characters";
    }
    return tag(s, c);
  }

  public static String tagValueProblem(String s) {
    IamApiModel.Constraint c = api("TagRole", "Tags[].Value");
    return s.length() > c.max() ? "is longer than " + c.max() + " characters" : tag(s, c);
  }

  private static String tag(String s, IamApiModel.Constraint c) {
    if (c.pattern().matcher(s).matches()) {
      return null;
    }
    int bad = first(s, cp -> TAG_CHAR.matcher(Character.toString(cp)).matches());
    return "contains " + describe(bad) + ", but IAM accepts only letters, digits, spaces and "
        + "_ . : / = + - @ in tags";
  }

  private static String name(String s, IamApiModel.Constraint c) {
    if (s.length() < c.min() || s.length() > c.max()) {
      return "must be " + c.range() + " characters";
    }
    return c.pattern().matcher(s).matches() ? null
        : "may contain only letters, digits and + = , . @ _ -";
  }

  private static int first(String s, java.util.function.IntPredicate ok) {
    return s.codePoints().filter(cp -> !ok.test(cp)).findFirst().orElse(-1);
  }
}
