package dev.rolectl.cli.render;

/** A count with its noun in agreement: {@code 1 file}, {@code 2 files}, {@code 0 accounts}. */
public final class Counts {
  private Counts() {}

  /** {@code n} and {@code noun}, with an {@code s} unless {@code n} is 1. */
  public static String of(long n, String noun) {
    return of(n, noun, noun + "s");
  }

  /** {@code n} and {@code singular} when {@code n} is 1, else {@code plural}. */
  public static String of(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
