package dev.rolectl.cli.render.plan;

import dev.rolectl.engine.access.AccessReport;
import dev.rolectl.engine.access.Grant;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Access section of a plan in plain words, as lines without markup (the text and Markdown
 * renderers add theirs): the verdict, the new facts grouped by who and what, each touched role's
 * assumers, passers and permissions, the plan's digest and the scope.
 */
final class AccessSection {
  /** New-fact lines shown at most (the rest are counted, and in the JSON plan). */
  static final int MAX_FACTS = 40;

  /** Role tables shown in text at most (all are in the JSON plan). */
  static final int MAX_ROLES = 50;

  /** Names listed in one role line at most. */
  static final int MAX_NAMES = 12;

  /** One line: its kind (a new fact: yes or may; else null) and text. */
  record Line(Grant fact, String text) {}

  private AccessSection() {}

  /** "yes", "no" or "may (it depends on ...)". */
  static String verdict(AccessReport a) {
    return switch (a.grantsNewAccess()) {
      case YES -> "yes";
      case NO -> "no";
      case MAY -> "may (it depends on what rolectl cannot evaluate offline, named below)";
    };
  }

  /** The new facts, grouped: one line per who, what resource and detail, actions joined. */
  static List<Line> facts(AccessReport a) {
    Map<String, List<AccessReport.NewAccess>> groups = new LinkedHashMap<>();
    for (AccessReport.NewAccess f : a.newAccess()) {
      // passing or assuming roles: one line per principal, the roles listed; else per resource
      String what = roleFact(f) ? f.action() : f.resource();
      groups.computeIfAbsent(f.grant() + "\u0000" + f.principal() + "\u0000" + what + "\u0000"
          + f.detail() + "\u0000" + f.unknowns(), k -> new ArrayList<>()).add(f);
    }
    List<Line> out = new ArrayList<>();
    int hidden = a.newAccessOmitted();
    for (List<AccessReport.NewAccess> g : groups.values()) {
      if (out.size() >= MAX_FACTS) {
        hidden += g.size();
        continue;
      }
      out.add(new Line(g.get(0).grant(), sentence(g)));
    }
    if (hidden > 0) {
      out.add(new Line(null, "... and " + hidden + " more new access fact" + (hidden == 1 ? "" : "s")
          + " (see the JSON plan: rolectl show PLANFILE --format json)"));
    }
    return out;
  }

  /** "user deployer can newly pass role R to ecs.amazonaws.com". */
  private static String sentence(List<AccessReport.NewAccess> g) {
    AccessReport.NewAccess f = g.get(0);
    String can = f.grant() == Grant.YES ? " can newly " : " may newly ";
    String what;
    if (roleFact(f)) {
      List<String> roles = g.stream().map(AccessReport.NewAccess::resource).distinct().toList();
      String shown = roles.size() <= 5 ? String.join(", ", roles)
          : String.join(", ", roles.subList(0, 4)) + " and " + (roles.size() - 4) + " more roles";
      what = (f.action().equals("iam:PassRole") ? "pass " : "assume ") + shown
          + (f.detail().isEmpty() ? "" : " " + f.detail());
    } else {
      List<String> actions = g.stream().map(AccessReport.NewAccess::action).distinct().toList();
      String shown = actions.size() <= 6 ? String.join(", ", actions)
          : String.join(", ", actions.subList(0, 5)) + " and " + (actions.size() - 5) + " more actions";
      what = "do " + shown + " on " + f.resource() + (f.detail().isEmpty() ? "" : " " + f.detail());
    }
    String depends = f.unknowns().isEmpty() ? "" : " (depends on: " + String.join("; ",
        f.unknowns().stream().limit(3).toList()) + (f.unknowns().size() > 3 ? "; ..." : "") + ")";
    return f.principal() + can + what + depends;
  }

  private static boolean roleFact(AccessReport.NewAccess f) {
    return (f.action().equals("iam:PassRole") || f.action().equals("sts:AssumeRole"))
        && f.resource().startsWith("role ");
  }

  /** Per role: a heading line, then its lines. */
  static Map<String, List<String>> roles(AccessReport a) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (AccessReport.RoleAccess r : a.roles()) {
      String state = r.before() == null ? " (created by this plan)"
          : r.after() == null ? " (deleted by this plan)" : "";
      List<String> lines = new ArrayList<>();
      AccessReport.Side now = r.after() != null ? r.after() : r.before();
      AccessReport.Side was = r.after() != null ? r.before() : null;
      lines.add(line("can be assumed by", now.assumers(), was == null ? null : was.assumers()));
      lines.add(line("can be passed by", now.passers(), was == null ? null : was.passers()));
      lines.add("can do: " + permissions(now.permissions()));
      out.put("role " + r.role() + state, lines);
    }
    return out;
  }

  private static String line(String what, List<AccessReport.Entry> now,
      List<AccessReport.Entry> was) {
    String text = what + " " + names(now);
    if (was != null && !was.equals(now)) {
      text += " (before: " + names(was) + ")";
    }
    return text;
  }

  static String names(List<AccessReport.Entry> entries) {
    if (entries.isEmpty()) {
      return "nobody";
    }
    List<String> out = new ArrayList<>();
    for (AccessReport.Entry e : entries.stream().limit(MAX_NAMES).toList()) {
      out.add(e.principal() + (e.detail().isEmpty() ? "" : " " + e.detail())
          + (e.grant() == Grant.MAY ? " (may)" : ""));
    }
    if (entries.size() > MAX_NAMES) {
      out.add("and " + (entries.size() - MAX_NAMES) + " more");
    }
    return String.join(", ", out);
  }

  private static String permissions(List<String> p) {
    if (p.isEmpty()) {
      return "nothing";
    }
    String first = String.join("; ", p.stream().limit(3).toList());
    return p.size() <= 3 ? first : first + "; and " + (p.size() - 3) + " more";
  }

  /** The digest line: what to give apply to approve this plan's broadening. */
  static String digest(Plan plan) {
    return "Plan digest: " + PlanDigest.of(plan)
        + " (apply --require-approval broadening --approve-broadening DIGEST approves this plan)";
  }
}
