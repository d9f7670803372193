package dev.rolectl.engine.access;

/** A test's answer: true, false, or unknown (rolectl cannot evaluate it offline). */
enum Truth {
  TRUE,
  FALSE,
  UNKNOWN;

  static Truth of(boolean b) {
    return b ? TRUE : FALSE;
  }
}
