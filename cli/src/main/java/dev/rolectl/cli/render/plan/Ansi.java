package dev.rolectl.cli.render.plan;

/** ANSI colours, or none: plans are coloured only on a terminal and never with NO_COLOR. */
final class Ansi {
  private final boolean enabled;

  Ansi(boolean enabled) {
    this.enabled = enabled;
  }

  String green(String s) {
    return wrap("32", s);
  }

  String red(String s) {
    return wrap("31", s);
  }

  String yellow(String s) {
    return wrap("33", s);
  }

  String cyan(String s) {
    return wrap("36", s);
  }

  String bold(String s) {
    return wrap("1", s);
  }

  private String wrap(String code, String s) {
    return enabled ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
