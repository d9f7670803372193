package dev.rolectl.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.access.AccessReport;
import dev.rolectl.engine.access.Grant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The access analysis in plan JSON: {@code grantsNewAccess} ({@code true}, {@code false} or
 * {@code "may"}), {@code digest} and {@code access} at the top, {@code grantsNewAccess} and
 * {@code newAccess} in each change. Read back for display only ({@code show}); apply analyses
 * again.
 */
final class AccessJson {
  private AccessJson() {}

  static void writeTop(ObjectNode root, Plan plan) {
    root.put("digest", PlanDigest.of(plan));
    AccessReport a = plan.access();
    if (a == null) {
      return;
    }
    grant(root, "grantsNewAccess", a.grantsNewAccess());
    ObjectNode n = root.putObject("access");
    ArrayNode facts = n.putArray("newAccess");
    a.newAccess().forEach(f -> facts.add(fact(n, f)));
    n.put("newAccessOmitted", a.newAccessOmitted());
    ArrayNode roles = n.putArray("roles");
    for (AccessReport.RoleAccess r : a.roles()) {
      ObjectNode rn = roles.addObject();
      rn.put("role", r.role());
      side(rn, "before", r.before());
      side(rn, "after", r.after());
    }
    ArrayNode notes = n.putArray("notes");
    a.notes().forEach(notes::add);
  }

  static void writeChange(ObjectNode n, AccessReport a, ResourceChange c) {
    if (a == null || !c.action().isChange()) {
      return;
    }
    grant(n, "grantsNewAccess", a.grants(c.address().value()));
    ArrayNode facts = n.putArray("newAccess");
    a.newAccess(c.address().value()).forEach(f -> facts.add(fact(n, f)));
  }

  private static ObjectNode fact(ObjectNode factory, AccessReport.NewAccess f) {
    ObjectNode o = factory.objectNode();
    o.put("principal", f.principal());
    o.put("action", f.action());
    o.put("resource", f.resource());
    o.put("detail", f.detail());
    grant(o, "grant", f.grant());
    ArrayNode u = o.putArray("unknowns");
    f.unknowns().forEach(u::add);
    ArrayNode ch = o.putArray("changes");
    f.changes().forEach(ch::add);
    return o;
  }

  private static void side(ObjectNode rn, String name, AccessReport.Side s) {
    if (s == null) {
      rn.putNull(name);
      return;
    }
    ObjectNode o = rn.putObject(name);
    entries(o.putArray("assumers"), s.assumers());
    entries(o.putArray("passers"), s.passers());
    ArrayNode p = o.putArray("permissions");
    s.permissions().forEach(p::add);
  }

  private static void entries(ArrayNode out, List<AccessReport.Entry> entries) {
    for (AccessReport.Entry e : entries) {
      ObjectNode o = out.addObject();
      o.put("principal", e.principal());
      o.put("detail", e.detail());
      grant(o, "grant", e.grant());
    }
  }

  /** {@code true}, {@code false} or {@code "may"}. */
  private static void grant(ObjectNode n, String field, Grant g) {
    switch (g) {
      case YES -> n.put(field, true);
      case NO -> n.put(field, false);
      case MAY -> n.put(field, "may");
    }
  }

  private static Grant grant(JsonNode n, String where) {
    if (n.isBoolean()) {
      return n.asBoolean() ? Grant.YES : Grant.NO;
    }
    if (n.isTextual() && n.asText().equals("may")) {
      return Grant.MAY;
    }
    throw new PlanFormatException(where + " must be true, false or \"may\"");
  }

  /** The report of a saved plan, for display; {@code null} when the plan has none. */
  static AccessReport read(JsonNode root) {
    JsonNode n = root.path("access");
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      throw new PlanFormatException("access must be an object");
    }
    List<AccessReport.NewAccess> facts = new ArrayList<>();
    n.path("newAccess").forEach(f -> facts.add(fact(f)));
    List<AccessReport.RoleAccess> roles = new ArrayList<>();
    for (JsonNode r : n.path("roles")) {
      roles.add(new AccessReport.RoleAccess(ResourceJson.text(r, "role"), side(r.path("before")),
          side(r.path("after"))));
    }
    Map<String, Grant> byChange = new HashMap<>();
    for (JsonNode c : root.path("changes")) {
      if (c.has("grantsNewAccess")) {
        byChange.put(c.path("address").asText(), grant(c.get("grantsNewAccess"),
            "grantsNewAccess of change " + c.path("address")));
      }
    }
    List<String> notes = new ArrayList<>();
    n.path("notes").forEach(x -> notes.add(x.asText()));
    return new AccessReport(grant(root.path("grantsNewAccess"), "grantsNewAccess"), facts,
        n.path("newAccessOmitted").asInt(0), roles, byChange, notes);
  }

  private static AccessReport.NewAccess fact(JsonNode f) {
    List<String> unknowns = new ArrayList<>();
    f.path("unknowns").forEach(u -> unknowns.add(u.asText()));
    List<String> changes = new ArrayList<>();
    f.path("changes").forEach(c -> changes.add(c.asText()));
    return new AccessReport.NewAccess(ResourceJson.text(f, "principal"),
        ResourceJson.text(f, "action"), ResourceJson.text(f, "resource"), f.path("detail").asText(""),
        grant(f.path("grant"), "grant of a newAccess fact"), unknowns, changes);
  }

  private static AccessReport.Side side(JsonNode s) {
    if (s.isMissingNode() || s.isNull()) {
      return null;
    }
    List<String> permissions = new ArrayList<>();
    s.path("permissions").forEach(p -> permissions.add(p.asText()));
    return new AccessReport.Side(entries(s.path("assumers")), entries(s.path("passers")),
        permissions);
  }

  private static List<AccessReport.Entry> entries(JsonNode list) {
    List<AccessReport.Entry> out = new ArrayList<>();
    for (JsonNode e : list) {
      out.add(new AccessReport.Entry(ResourceJson.text(e, "principal"), e.path("detail").asText(""),
          grant(e.path("grant"), "grant of an access entry")));
    }
    return out;
  }
}
