package dev.rolectl.engine.plan;

import java.util.Locale;
import java.util.Objects;

/**
 * A safety rule's verdict on one change (docs/safety.md). The {@code safety} package computes
 * verdicts; the plan only carries them.
 *
 * @param level allow, warn or block
 * @param rule the stable id of the rule, e.g. {@code ecs-role-delete}
 * @param message what the rule found and what to do, for the user
 */
public record Verdict(Level level, String rule, String message) {

  public Verdict {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    if (rule.isBlank()) {
      throw new IllegalArgumentException("a verdict needs a rule id");
    }
  }

  /** How serious a verdict is, least serious first. */
  public enum Level {
    /** The rule looked at the change and found nothing against it. */
    ALLOW,
    /** The change may be made, but the user should know something first. */
    WARN,
    /** {@code apply} refuses the change (exit code 3). */
    BLOCK;

    /** The lower-case name used in JSON plans. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Level fromJsonName(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The more serious of the two. */
    public Level max(Level other) {
      return compareTo(other) >= 0 ? this : other;
    }
  }

  public static Verdict allow(String rule, String message) {
    return new Verdict(Level.ALLOW, rule, message);
  }

  public static Verdict warn(String rule, String message) {
    return new Verdict(Level.WARN, rule, message);
  }

  public static Verdict block(String rule, String message) {
    return new Verdict(Level.BLOCK, rule, message);
  }

  public boolean isBlock() {
    return level == Level.BLOCK;
  }
}
