package dev.rolectl.engine.plan;

import dev.rolectl.engine.policy.AccessImpact;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.input.InputKind;
import dev.rolectl.engine.input.InputProblem;
import dev.rolectl.engine.input.StrictJson;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.policy.PolicyDiff;
import dev.rolectl.engine.policy.StatementDiff;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Saved plans: versioned JSON ({@code schemas/plan.schema.json}). The same JSON is the
 * {@code --format json} output of {@code plan}.
 */
public final class PlanFile {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ResourceJson RESOURCES = new ResourceJson(MAPPER);

  private PlanFile() {}

  /** The plan as pretty-printed JSON, ending with a newline. */
  public static String write(Plan plan) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", plan.formatVersion());
    root.put("stack", plan.stack());
    root.put("stackHash", plan.stackHash());
    root.put("liveFingerprint", plan.liveFingerprint());
    root.put("accountId", plan.accountId());
    root.put("target", plan.target());
    root.put("createdAt", plan.createdAt().toString());
    if (plan.snapshotTakenAt() != null) {
      root.put("snapshotTakenAt", plan.snapshotTakenAt().toString());
    }
    root.put("errored", plan.errored());
    root.put("blocked", plan.blocked());
    AccessJson.writeTop(root, plan);
    if (plan.ecs() == null) {
      root.putNull("ecs");
    } else {
      ObjectNode ecs = root.putObject("ecs");
      plan.ecs().regions().forEach(ecs.putArray("regions")::add);
      plan.ecs().clusters().forEach(ecs.putArray("clusters")::add);
      CoverageJson.write(ecs, plan.ecs());
    }
    ObjectNode summary = root.putObject("summary");
    plan.counts().forEach((action, n) -> summary.put(action.jsonName(), n));
    ArrayNode changes = root.putArray("changes");
    for (ResourceChange c : plan.changes()) {
      changes.add(change(c, plan.access()));
    }
    ArrayNode diagnostics = root.putArray("diagnostics");
    plan.diagnostics().forEach(d -> diagnostics.add(DiagnosticJson.write(MAPPER, d)));
    root.set("resolvedStack", ResolvedStackJson.write(plan.resolved()));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plan did not serialise", e);
    }
  }

  /** The plan as the JSON tree {@link #write} prints. */
  static JsonNode tree(Plan plan) {
    try {
      return MAPPER.readTree(write(plan));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a written plan did not parse back", e);
    }
  }

  /**
   * One change as the plan file writes it, without its access fields ({@code grantsNewAccess},
   * {@code newAccess}): those are the analysis shown with the plan, not the change apply runs.
   */
  static ObjectNode changeTree(ResourceChange c) {
    return change(c, null);
  }

  private static ObjectNode change(ResourceChange c, dev.rolectl.engine.access.AccessReport access) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("address", c.address().value());
    n.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
    n.put("action", c.action().jsonName());
    n.put("impact", c.impact().name().toLowerCase(java.util.Locale.ROOT));
    if (c.reason() == null) {
      n.putNull("reason");
    } else {
      n.put("reason", c.reason());
    }
    ArrayNode deps = n.putArray("dependsOn");
    c.dependsOn().stream().sorted().forEach(d -> deps.add(d.value()));
    ArrayNode diffs = n.putArray("diffs");
    for (AttributeDiff d : c.diffs()) {
      ObjectNode dn = diffs.addObject();
      dn.put("attribute", d.attribute());
      if (d instanceof AttributeDiff.Value v) {
        dn.put("type", "value");
        dn.put("before", v.before());
        dn.put("after", v.after());
      } else if (d instanceof AttributeDiff.Document doc) {
        dn.put("type", "document");
        dn.set("before", doc.before() == null ? null : RESOURCES.document(doc.before()));
        dn.set("after", doc.after() == null ? null : RESOURCES.document(doc.after()));
        dn.set("statements", statements(StatementDiff.diff(doc.before(), doc.after())));
      }
    }
    ArrayNode verdicts = n.putArray("verdicts");
    for (Verdict v : c.verdicts()) {
      ObjectNode vn = verdicts.addObject();
      vn.put("level", v.level().jsonName());
      vn.put("rule", v.rule());
      vn.put("message", v.message());
    }
    n.set("before", c.before() == null ? MAPPER.nullNode() : RESOURCES.write(c.before()));
    n.set("after", c.after() == null ? MAPPER.nullNode() : RESOURCES.write(c.after()));
    AccessJson.writeChange(n, access, c);
    return n;
  }

  /** The statement-level view of a document change, for bots; ignored when reading. */
  private static ObjectNode statements(PolicyDiff diff) {
    ObjectNode n = MAPPER.createObjectNode();
    ArrayNode added = n.putArray("added");
    diff.added().forEach(s -> added.add(RESOURCES.statement(s)));
    ArrayNode removed = n.putArray("removed");
    diff.removed().forEach(s -> removed.add(RESOURCES.statement(s)));
    ArrayNode changed = n.putArray("changed");
    for (PolicyDiff.StatementChange ch : diff.changed()) {
      ObjectNode c = changed.addObject();
      c.set("before", RESOURCES.statement(ch.before()));
      c.set("after", RESOURCES.statement(ch.after()));
      ArrayNode elements = c.putArray("elements");
      ch.elements().forEach(e -> elements.add(e.jsonName()));
    }
    return n;
  }

  /**
   * Saved plans as {@link StrictJson} reads them: at most 256 MiB (a plan of 1,000 new roles is
   * a few MiB).
   */
  public static final InputKind KIND = new InputKind("saved plan", 256 * InputKind.MIB,
      "a saved plan is the JSON that 'rolectl plan --out FILE' writes: make the plan again");

  /**
   * Whether a parse error means the text is cut short though the parser did not say so: the error
   * is on the last line (e.g. in a {@code fals} cut from {@code false}) of a text that starts as a
   * plan does but does not end as a JSON object or array does.
   */
  private static boolean cutShort(String json, int line) {
    String text = json.stripTrailing();
    if (!text.startsWith("{") || text.endsWith("}") || text.endsWith("]")) {
      return false;
    }
    long lines = text.chars().filter(c -> c == '\n').count() + 1;
    return line >= lines;
  }

  /**
   * Reads a saved plan: strict JSON ({@link StrictJson}) of a supported format version. Every
   * problem is a {@link PlanFormatException} with the line and column of the value at fault.
   *
   * @throws PlanFormatException if the text is not a plan of a supported format version
   */
  public static Plan read(String json) {
    try {
      return StrictJson.parse(json, KIND, root -> read(root));
    } catch (InputProblem e) {
      boolean cut = e.problem().startsWith("the saved plan ends too early")
          || e.problem().startsWith("the saved plan is not valid JSON") && cutShort(json, e.line());
      throw PlanFormatException.at(e.line(), e.column(), cut ? "the saved plan ends too early (the"
          + " file is cut short: was it written completely?): make the plan again" : e.problem(), e);
    } catch (PlanFormatException e) {
      throw located(json, e);
    } catch (RuntimeException e) {
      throw located(json, unusable(e, ""));
    }
  }

  /** {@code e} at the line and column of its pointer in {@code json}. */
  static PlanFormatException located(String json, PlanFormatException e) {
    if (e.line() > 0 || e.pointer() == null) {
      return e.line() > 0 ? e : PlanFormatException.at(1, 1, e.getMessage(), e);
    }
    InputProblem at = StrictJson.at(json, e.pointer(), e.getMessage());
    return PlanFormatException.at(at.line(), at.column(), e.getMessage(), e);
  }

  /**
   * A value the plan's records refuse (a record's own check, say), in words: the exception's text
   * is for {@code --debug}, as the cause.
   */
  static PlanFormatException unusable(RuntimeException e, String pointer) {
    return e instanceof PlanFormatException p ? p.under(pointer) : new PlanFormatException(
        "a value here is not one rolectl writes (the file was edited or damaged): make the plan"
            + " again", pointer, 0, 0, e);
  }

  /** Reads the tree of a saved plan; problems carry the pointer of their value. */
  static Plan read(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new PlanFormatException(
          "not a rolectl plan (expected a JSON object, as 'rolectl plan --out FILE' writes)");
    }
    if (!root.has("formatVersion") || !root.has("liveFingerprint")) {
      throw new PlanFormatException(
          "not a rolectl plan: a JSON object without formatVersion and liveFingerprint; a saved"
              + " plan is the JSON that 'rolectl plan --out FILE' writes");
    }
    int version = version(root);
    if (version >= 1 && version < Plan.FORMAT_VERSION) {
      throw new PlanFormatException(
          "the plan has format version "
              + version
              + ", made by an older rolectl that did not record the stack it was made from, so"
              + " apply cannot plan it again to check it; make the plan again with this rolectl"
              + " (rolectl plan --out FILE)", "/formatVersion");
    }
    if (version != Plan.FORMAT_VERSION) {
      throw new PlanFormatException(
          "plan format version "
              + root.path("formatVersion")
              + " is not supported; this rolectl reads version "
              + Plan.FORMAT_VERSION
              + ". Make the plan again with this rolectl.", "/formatVersion");
    }
    PlanSchema.check(root);
    List<ResourceChange> changes = new ArrayList<>();
    JsonNode changeList = list(root, "changes");
    for (int i = 0; i < changeList.size(); i++) {
      try {
        changes.add(readChange(changeList.get(i)));
      } catch (RuntimeException e) {
        throw unusable(e, "/changes/" + i);
      }
    }
    ResolvedStack resolved = ResolvedStackJson.read(root.get("resolvedStack"));
    List<dev.rolectl.engine.model.Diagnostic> diagnostics = new ArrayList<>();
    JsonNode diagnosticList = list(root, "diagnostics");
    for (int i = 0; i < diagnosticList.size(); i++) {
      try {
        diagnostics.add(DiagnosticJson.read(diagnosticList.get(i)));
      } catch (RuntimeException e) {
        throw unusable(e, "/diagnostics/" + i);
      }
    }
    String taken = root.path("snapshotTakenAt").asText(null);
    Plan plan = new Plan(
          version,
          ResourceJson.text(root, "stack"),
          ResourceJson.text(root, "stackHash"),
          ResourceJson.text(root, "liveFingerprint"),
          ResourceJson.text(root, "accountId"),
          ResourceJson.text(root, "target"),
          instant(ResourceJson.text(root, "createdAt"), "createdAt"),
          changes,
          ecs(root.path("ecs")),
          taken == null ? null : instant(taken, "snapshotTakenAt"),
          diagnostics,
          AccessJson.read(root),
          resolved);
    PlanFileCheck.check(root, plan);
    return plan;
  }

  private static Instant instant(String text, String field) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new PlanFormatException(field + " is '" + text + "', not a time such as"
          + " 2026-01-02T03:04:05Z: the file was edited or damaged; make the plan again",
          "/" + field);
    }
  }

  /** {@code formatVersion}: a whole number (not {@code "2"}, {@code 2.5} or {@code true}). */
  static int version(JsonNode root) {
    JsonNode v = root.get("formatVersion");
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new PlanFormatException("formatVersion is " + (v == null ? "missing" : v.isNull()
          ? "null" : v.isIntegralNumber() ? "too large" : v.getNodeType().name().toLowerCase(
              java.util.Locale.ROOT) + " " + abbreviated(v)) + ", not a whole number such as "
          + Plan.FORMAT_VERSION + ": the file was edited or damaged; make the plan again",
          "/formatVersion");
    }
    return v.intValue();
  }

  /** A value as JSON, cut to 40 characters. */
  static String abbreviated(JsonNode v) {
    String text = v.toString();
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  /** The array at {@code field}: none when missing; a problem when another type. */
  static JsonNode list(JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return MAPPER.createArrayNode();
    }
    if (!v.isArray()) {
      throw new PlanFormatException(field + " is " + v.getNodeType().name().toLowerCase(
          java.util.Locale.ROOT) + ", not a list ([...]): the file was edited or damaged; make the"
          + " plan again", "/" + field);
    }
    return v;
  }

  private static EcsCoverage ecs(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isObject() || !n.path("regions").isArray()) {
      throw new PlanFormatException("ecs must be null or an object with regions and clusters");
    }
    List<String> regions = new ArrayList<>();
    n.path("regions").forEach(r -> regions.add(r.asText()));
    List<String> clusters = new ArrayList<>();
    n.path("clusters").forEach(c -> clusters.add(c.asText()));
    return CoverageJson.read(n, regions, clusters);
  }

  /**
   * Reads one change. The values of its {@code diffs} are taken from its {@code before} and {@code
   * after} ({@link DiffValues}), so that {@code show} renders what {@code apply} writes; the file's
   * own values must be those ({@link PlanFileCheck}).
   */
  private static ResourceChange readChange(JsonNode n) {
    Resource before = resource(n, "before");
    Resource after = resource(n, "after");
    List<AttributeDiff> diffs = new ArrayList<>();
    JsonNode diffList = list(n, "diffs");
    for (int i = 0; i < diffList.size(); i++) {
      try {
        JsonNode d = diffList.get(i);
        String attribute = ResourceJson.text(d, "attribute");
        diffs.add(DiffValues.of(attribute, "document".equals(d.path("type").asText()), before, after));
      } catch (RuntimeException e) {
        throw unusable(e, "/diffs/" + i);
      }
    }
    Set<Address> deps = new LinkedHashSet<>();
    list(n, "dependsOn").forEach(d -> deps.add(new Address(d.asText())));
    List<Verdict> verdicts = new ArrayList<>();
    JsonNode verdictList = list(n, "verdicts");
    for (int i = 0; i < verdictList.size(); i++) {
      JsonNode v = verdictList.get(i);
      try {
        verdicts.add(
            new Verdict(
                ResourceJson.named(v, "level", Verdict.Level.values(), Verdict.Level::jsonName),
                ResourceJson.text(v, "rule"),
                ResourceJson.text(v, "message")));
      } catch (RuntimeException e) {
        throw unusable(e, "/verdicts/" + i);
      }
    }
    try {
      return new ResourceChange(
          new Address(ResourceJson.text(n, "address")),
          ResourceJson.named(n, "kind", ResourceKind.values(), ResourceJson::lower),
          ResourceJson.named(n, "action", Action.values(), Action::jsonName),
          before,
          after,
          diffs,
          ResourceJson.named(n, "impact", AccessImpact.values(), ResourceJson::lower),
          n.path("reason").isTextual() ? n.get("reason").asText() : null,
          deps,
          verdicts);
    } catch (IllegalArgumentException e) {
      throw new PlanFormatException("invalid change " + n.path("address") + ": " + e.getMessage());
    }
  }

  /** The resource at {@code field} ({@code before} or {@code after}), or null. */
  private static Resource resource(JsonNode n, String field) {
    try {
      return n.path(field).isObject() ? ResolvedStackJson.resource(n.get(field), field) : null;
    } catch (RuntimeException e) {
      throw unusable(e, "/" + field);
    }
  }

  /** Canonical compact JSON of resources, for hashing. */
  static byte[] canonical(List<Resource> resources) {
    ArrayNode array = MAPPER.createArrayNode();
    resources.stream()
        .sorted(java.util.Comparator.comparing(Resource::address))
        .forEach(
            r -> {
              ObjectNode n = RESOURCES.write(r);
              n.remove("location");
              array.add(n);
            });
    try {
      return MAPPER
          .copy()
          .disable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .writeValueAsBytes(array);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

}
