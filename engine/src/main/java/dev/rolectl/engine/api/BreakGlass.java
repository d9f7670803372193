package dev.rolectl.engine.api;

/**
 * {@code apply --break-glass REASON}: the reason's rules, and how it is written where CloudTrail
 * shows it. The AWS calls of such an apply carry {@code rolectl-break-glass/REASON} in their user
 * agent (CloudTrail's {@code userAgent}), and a role rolectl assumes gets a session name that
 * starts with {@code break-glass} (CloudTrail's {@code userIdentity}).
 */
public final class BreakGlass {
  /** The longest reason: enough for a ticket and a sentence, short enough for a user agent. */
  public static final int MAX_LENGTH = 200;

  private BreakGlass() {}

  /**
   * Checks a reason: 8 to {@value #MAX_LENGTH} printable ASCII characters with at least one
   * letter or digit (a ticket, an incident, a sentence).
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static String check(String reason) {
    if (reason == null || reason.strip().length() < 8) {
      throw new IllegalArgumentException("--break-glass needs a reason of at least 8 characters"
          + " (e.g. an incident or ticket id and what it fixes), for the apply's output and"
          + " CloudTrail");
    }
    if (reason.length() > MAX_LENGTH || !reason.matches("[\\x20-\\x7e]+")
        || !reason.matches(".*[A-Za-z0-9].*")) {
      throw new IllegalArgumentException("--break-glass: the reason must be at most " + MAX_LENGTH
          + " printable ASCII characters (letters, digits, spaces and punctuation)");
    }
    return reason.strip();
  }

  /**
   * The user agent suffix: {@code rolectl-break-glass/REASON}, each run of spaces and other
   * characters a user agent token cannot hold written as one {@code _}.
   */
  public static String userAgent(String reason) {
    return "rolectl-break-glass/"
        + reason.strip().replaceAll("[^A-Za-z0-9._~:#=+,@-]+", "_");
  }

  /**
   * A role session name that says break glass and as much of the reason as fits (2 to 64 of
   * {@code [\w+=,.@-]}): {@code break-glass.INC-42.public-trust}.
   */
  public static String sessionName(String reason) {
    String safe = reason.strip().replaceAll("[^\\w+=,.@-]+", "-").replaceAll("-{2,}", "-");
    String name = "break-glass." + safe;
    return name.length() > 64 ? name.substring(0, 64) : name;
  }
}
