package dev.rolectl.engine.policy.catalogue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The input constraints of the IAM API calls rolectl makes, from IAM's published API model
 * (botocore's {@code iam/2010-05-08/service-2.json}, read into {@code iam-api.txt.gz} by {@code
 * scripts/refresh-catalogues.sh}, never written by hand): for each operation's input member its
 * shape, type, length range and pattern. Loaded once, on first use.
 */
public final class IamApiModel {
  static final String NAME = "IAM API model";

  /**
   * One member's constraint.
   *
   * @param shape the model's shape name, e.g. {@code roleNameType}
   * @param type {@code string}, {@code integer}, {@code list}, {@code structure}, ...
   * @param min the least length (strings), items (lists) or value (integers), or -1
   * @param max the greatest, or -1
   * @param pattern the whole value must match it, or {@code null}
   */
  public record Constraint(String shape, String type, long min, long max, boolean required,
      Pattern pattern) {
    /**
     * What is wrong with a string value, or {@code null}: "is 70 characters; IAM allows 1 to
     * 64" or "does not match IAM's pattern [\w+=,.@-]+". Lengths count characters as IAM does
     * (UTF-16 units).
     */
    public String problem(String value) {
      if ((min >= 0 && value.length() < min) || (max >= 0 && value.length() > max)) {
        return "is " + value.length() + " characters; IAM allows " + range();
      }
      if (pattern != null && !pattern.matcher(value).matches()) {
        return "does not match IAM's pattern " + pattern.pattern() + " (" + shape + ")";
      }
      return null;
    }

    /** What is wrong with a number or a count of items, or {@code null}. */
    public String problem(long value) {
      if ((min >= 0 && value < min) || (max >= 0 && value > max)) {
        return "is " + value + "; IAM allows " + range();
      }
      return null;
    }

    /** "1 to 64", "at most 1000". */
    public String range() {
      return min > 0 ? min + " to " + max : "at most " + max;
    }
  }

  private final Map<String, Constraint> constraints = new HashMap<>();
  private final CatalogueInfo info;

  private IamApiModel() {
    CatalogueFile file = CatalogueFile.read(Catalogues.API);
    for (int at = file.body; at < file.text.length(); ) {
      int end = file.lineEnd(at);
      String[] f = file.text.substring(at, end).split("\t", -1);
      if (f[0].equals("C")) {
        constraints.put(f[1] + "." + f[2], new Constraint(f[3], f[4], number(f[5]), number(f[6]),
            f[7].equals("1"), f[8].isEmpty() ? null : Pattern.compile(f[8])));
      }
      at = end + 1;
    }
    info = file.info(NAME);
  }

  private static long number(String s) {
    return s.isEmpty() ? -1 : Long.parseLong(s);
  }

  private static final class Holder {
    static final IamApiModel INSTANCE = new IamApiModel();
  }

  /** The model, loaded on first call. */
  public static IamApiModel get() {
    return Holder.INSTANCE;
  }

  public CatalogueInfo info() {
    return info;
  }

  /**
   * The constraint of an operation's input member ({@code CreateRole}, {@code RoleName}; a list's
   * items {@code Tags[]}, a structure's field {@code Tags[].Key}).
   *
   * @throws IllegalArgumentException when the catalogue has no such member (a programming error:
   *     rolectl sends only members of the model)
   */
  public Constraint of(String operation, String member) {
    return find(operation, member).orElseThrow(() -> new IllegalArgumentException(
        "the IAM API model has no " + operation + "." + member));
  }

  public Optional<Constraint> find(String operation, String member) {
    return Optional.ofNullable(constraints.get(operation + "." + member));
  }

  /** How many member constraints the catalogue holds. */
  public int size() {
    return constraints.size();
  }
}
