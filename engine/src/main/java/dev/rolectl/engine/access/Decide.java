package dev.rolectl.engine.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers over the unknown tests of {@link Outcome}s: every combination of true and false is
 * tried (the tests are taken as independent, which can only turn a yes or a no into a may).
 */
final class Decide {
  /** Unknown tests tried together at most; beyond, the answer is may. */
  static final int MAX_UNKNOWNS = 12;

  private Decide() {}

  /** Whether the request is allowed: yes, no, or may (it depends on an unknown test). */
  static Grant allowed(Outcome o) {
    return newly(null, o);
  }

  /**
   * Whether {@code after} allows what {@code before} did not: yes when it does whatever the
   * unknown tests say, no when it never does, may otherwise. A {@code null} before allows nothing
   * (the principal or role did not exist).
   */
  static Grant newly(Outcome before, Outcome after) {
    if (after == null) {
      return Grant.NO;
    }
    Set<String> tests = after.unknowns();
    if (before != null && !before.unknowns().isEmpty()) {
      tests = new TreeSet<>(tests);
      tests.addAll(before.unknowns());
    }
    if (tests.isEmpty()) {
      return after.allowed(Set.of()) && (before == null || !before.allowed(Set.of()))
          ? Grant.YES : Grant.NO;
    }
    if (tests.size() > MAX_UNKNOWNS) {
      return bounds(before, after, tests);
    }
    List<String> names = new ArrayList<>(tests);
    boolean some = false;
    boolean all = true;
    for (long mask = 0; mask < (1L << names.size()); mask++) {
      Set<String> trueTests = new HashSet<>();
      for (int i = 0; i < names.size(); i++) {
        if ((mask & (1L << i)) != 0) {
          trueTests.add(names.get(i));
        }
      }
      boolean n = after.allowed(trueTests) && (before == null || !before.allowed(trueTests));
      some |= n;
      all &= n;
      if (some && !all) {
        return Grant.MAY;
      }
    }
    return all ? Grant.YES : some ? Grant.MAY : Grant.NO;
  }

  /** Too many unknown tests to try: may (never a guessed no). */
  private static Grant bounds(Outcome before, Outcome after, Set<String> tests) {
    return Grant.MAY;
  }
}
