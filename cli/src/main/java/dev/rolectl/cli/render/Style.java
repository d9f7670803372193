package dev.rolectl.cli.render;

import dev.rolectl.engine.model.Severity;
import java.util.Map;

/** ANSI styling that is switched off unless the output is a terminal that wants color. */
public final class Style {
  private static final String RESET = "\u001b[0m";
  private final boolean enabled;

  private Style(boolean enabled) {
    this.enabled = enabled;
  }

  /** No styling at all. */
  public static Style plain() {
    return new Style(false);
  }

  /**
   * Color when {@code wanted} (a terminal, no {@code --no-color}) and the environment agrees: no
   * non-empty {@code NO_COLOR} (see no-color.org) and {@code TERM} not {@code dumb}.
   */
  public static Style forTerminal(boolean wanted, Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    boolean allowed = (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    return new Style(wanted && allowed);
  }

  public boolean enabled() {
    return enabled;
  }

  /** The severity's label, colored by severity. */
  public String severity(Severity severity) {
    String code =
        switch (severity) {
          case ERROR -> "\u001b[1;31m";
          case WARNING -> "\u001b[1;33m";
          case SUGGESTION -> "\u001b[1;36m";
        };
    return paint(code, severity.label());
  }

  public String bold(String text) {
    return paint("\u001b[1m", text);
  }

  private String paint(String code, String text) {
    return enabled ? code + text + RESET : text;
  }
}
