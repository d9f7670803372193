package dev.rolectl.engine.access;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a principal can newly do, as a whole: every request its policies allow after the plan
 * (within its boundary) that they did not allow before.
 *
 * <p>A newly allowed request is in some Allow statement S after the plan, inside the boundary
 * (some boundary Allow B, when there is a boundary), and either outside everything allowed before
 * or inside a Deny D of before that is gone. So for each such S, B and D, the actions and
 * resources all three cover ({@link Glob#intersect}) are tried at their witnesses, in every
 * request context worth trying: one witness per pattern decides for the whole pattern, so the
 * answer is exact for the modelled conditions. An Allow statement that was there before, with the
 * same boundary and no Deny gone, adds nothing and is skipped.
 */
final class CanDo {
  /** Facts found for one principal at most. */
  static final int MAX_FACTS = 200;

  private CanDo() {}

  /** One thing the principal can newly do. */
  record Fact(String action, String resource, String detail, Grant grant, Set<String> unknowns) {}

  static List<Fact> newly(Subject before, Subject after) {
    if (after == null) {
      return List.of();
    }
    Map<String, Fact> out = new LinkedHashMap<>();
    List<Rule> goneDenies = new ArrayList<>();
    if (before != null) {
      goneDenies.addAll(before.denies());
      goneDenies.removeAll(after.denies());
    }
    boolean sameBounds = before != null && java.util.Objects.equals(before.boundary(), after.boundary())
        && goneDenies.isEmpty();
    Set<Rule> had = before == null ? Set.of() : new HashSet<>(before.identity());
    List<Rule> bounds = after.boundary() == null ? Collections.singletonList(null)
        : after.boundary().stream().filter(Rule::allow).toList();
    List<Rule> ds = new ArrayList<>();
    ds.add(null);
    ds.addAll(goneDenies);
    Escapes escapes = new Escapes(before, after);
    for (Rule s : after.identity()) {
      if (!s.allow() || (sameBounds && had.contains(s))) {
        continue;
      }
      for (Rule b : bounds) {
        for (Rule d : ds) {
          if (out.size() >= MAX_FACTS) {
            return List.copyOf(out.values());
          }
          probe(before, after, s, b, d, escapes, out);
        }
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * The patterns of NotAction and NotResource elements that a newly allowed request may have to
   * match: to escape an Allow of before (or a Deny of after) that uses NotAction, a request must
   * be one of the actions it leaves out. A witness of a pattern escapes every plain pattern that
   * does not contain it, but only a witness inside a Not element's pattern escapes that element.
   */
  private static final class Escapes {
    final List<String> actions = new ArrayList<>();
    final List<String> resources = new ArrayList<>();

    Escapes(Subject before, Subject after) {
      if (before != null) {
        add(before.identity(), true);
        if (before.boundary() != null) {
          add(before.boundary(), true);
        }
      }
      add(after.identity(), false);
      if (after.boundary() != null) {
        add(after.boundary(), false);
      }
    }

    private void add(List<Rule> rules, boolean allows) {
      for (Rule r : rules) {
        if (r.allow() == allows) {
          if (r.notAction()) {
            r.actions().stream().filter(a -> !actions.contains(a)).forEach(actions::add);
          }
          if (r.notResource()) {
            r.resources().stream().filter(a -> !resources.contains(a)).forEach(resources::add);
          }
        }
      }
    }
  }

  /**
   * The patterns, and their intersections with one or two escape patterns; {@code null} when
   * that is more than {@link Glob#MAX_PARTS} patterns.
   */
  static List<String> refine(List<String> globs, List<String> escapes) {
    if (globs == null || escapes.isEmpty()) {
      return globs;
    }
    java.util.Set<String> out = new java.util.LinkedHashSet<>(globs);
    List<String> once = new ArrayList<>();
    for (String e : escapes) {
      List<String> part = Glob.intersectAll(globs, List.of(e));
      if (part == null) {
        return null;
      }
      once.addAll(part);
    }
    out.addAll(once);
    for (String e : escapes) {
      List<String> part = Glob.intersectAll(once, List.of(e));
      if (part == null) {
        return null;
      }
      out.addAll(part);
    }
    return out.size() > Glob.MAX_PARTS * 4 ? null : new ArrayList<>(out);
  }

  private static void probe(Subject before, Subject after, Rule s, Rule b, Rule d,
      Escapes escapes, Map<String, Fact> out) {
    List<String> actions = refine(meet(s.actionRange(), b == null ? null : b.actionRange(),
        d == null ? null : d.actionRange()), escapes.actions);
    List<String> resources = refine(meet(s.resourceRange(), b == null ? null : b.resourceRange(),
        d == null ? null : d.resourceRange()), escapes.resources);
    if (actions == null || resources == null) {
      String key = s.actionRange() + " " + s.resourceRange();
      out.putIfAbsent(key, new Fact(String.join(", ", s.actionRange()),
          String.join(", ", s.resourceRange()), s.conditionText(), Grant.MAY,
          Set.of("patterns too complex to compare (" + Glob.MAX_PARTS + " parts at most)")));
      return;
    }
    for (String ag : actions) {
      for (String rg : resources) {
        Probe.Result best = Probe.Result.NONE;
        for (String wa : Glob.witnesses(ag)) {
          for (String wr : Glob.witnesses(rg)) {
            Probe.Result r = Probe.run(new Probe.Side(before, null), new Probe.Side(after, null),
                false, wa, Probe.Resource.same(wr, Map.of()), Map.of());
            if (r.newly().compareTo(best.newly()) > 0) {
              best = r;
            }
          }
        }
        if (best.newly() != Grant.NO) {
          String key = ag + " " + rg;
          Fact old = out.get(key);
          if (old == null || old.grant().compareTo(best.newly()) < 0) {
            out.put(key, new Fact(label(ag, s.notAction(), s.actions()),
                label(rg, s.notResource(), s.resources()), s.conditionText(), best.newly(),
                best.newly() == Grant.MAY ? best.unknowns() : Set.of()));
          }
        }
      }
    }
  }

  /** A pattern as shown: {@code *} of a NotAction or NotResource says what it leaves out. */
  private static String label(String pattern, boolean not, List<String> except) {
    return not && pattern.equals("*") ? "everything except " + String.join(", ", except)
        : asWritten(pattern);
  }

  /** An action as the service reference writes it ({@code iam:PassRole}); patterns as they are. */
  static String asWritten(String action) {
    int colon = action.indexOf(':');
    if (Glob.isPattern(action) || colon < 0) {
      return action;
    }
    return dev.rolectl.engine.policy.catalogue.IamCatalogue.get().service(action.substring(0, colon))
        .flatMap(s -> s.action(action.substring(colon + 1)))
        .map(a -> action.substring(0, colon) + ":" + a.name()).orElse(action);
  }

  /** The patterns that all given ranges share ({@code null} ranges are left out). */
  private static List<String> meet(List<String> a, List<String> b, List<String> c) {
    List<String> out = a;
    for (List<String> other : java.util.Arrays.asList(b, c)) {
      if (other != null && out != null) {
        out = Glob.intersectAll(out, other);
      }
    }
    return out;
  }
}
