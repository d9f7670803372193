package dev.rolectl.engine.plan;

import dev.rolectl.engine.policy.AccessImpact;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
      changes.add(change(c));
    }
    ArrayNode diagnostics = root.putArray("diagnostics");
    plan.diagnostics().forEach(d -> diagnostics.add(DiagnosticJson.write(MAPPER, d)));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plan did not serialise", e);
    }
  }

  private static ObjectNode change(ResourceChange c) {
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
   * Reads a saved plan.
   *
   * @throws PlanFormatException if the text is not a plan of a supported format version
   */
  /**
   * Whether a parse error means the text is cut short though the parser did not say so: the error
   * is on the last line (e.g. in a {@code fals} cut from {@code false}) of a text that starts as a
   * plan does but does not end as a JSON object or array does.
   */
  private static boolean cutShort(String json, com.fasterxml.jackson.core.JsonLocation at) {
    String text = json.stripTrailing();
    if (at == null || !text.startsWith("{") || text.endsWith("}") || text.endsWith("]")) {
      return false;
    }
    long lines = text.chars().filter(c -> c == '\n').count() + 1;
    return at.getLineNr() >= lines;
  }

  public static Plan read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      boolean truncated = e instanceof com.fasterxml.jackson.core.io.JsonEOFException
          || cutShort(json, e.getLocation());
      throw new PlanFormatException(
          (truncated ? "the plan ends too early" : "not a rolectl plan: not valid JSON")
              + " at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + (truncated
                  ? " (the file is cut short: was it written completely? make the plan again)"
                  : " (" + e.getOriginalMessage() + "); a saved plan is the JSON that 'rolectl"
                      + " plan --out FILE' writes"));
    }
    if (root == null || !root.isObject()) {
      throw new PlanFormatException(
          "not a rolectl plan (expected a JSON object, as 'rolectl plan --out FILE' writes)");
    }
    if (!root.has("formatVersion") || !root.has("liveFingerprint")) {
      throw new PlanFormatException(
          "not a rolectl plan: a JSON object without formatVersion and liveFingerprint; a saved"
              + " plan is the JSON that 'rolectl plan --out FILE' writes");
    }
    int version = root.path("formatVersion").asInt(-1);
    if (version >= 1 && version < Plan.FORMAT_VERSION) {
      throw new PlanFormatException(
          "the plan has format version "
              + version
              + ", made by an older rolectl that did not record which ECS regions and clusters"
              + " its safety check read, so this rolectl cannot re-check them; make the plan again"
              + " with this rolectl (rolectl plan --out FILE)");
    }
    if (version != Plan.FORMAT_VERSION) {
      throw new PlanFormatException(
          "plan format version "
              + root.path("formatVersion")
              + " is not supported; this rolectl reads version "
              + Plan.FORMAT_VERSION
              + ". Make the plan again with this rolectl.");
    }
    List<ResourceChange> changes = new ArrayList<>();
    for (JsonNode c : root.path("changes")) {
      changes.add(readChange(c));
    }
    List<dev.rolectl.engine.model.Diagnostic> diagnostics = new ArrayList<>();
    for (JsonNode d : root.path("diagnostics")) {
      diagnostics.add(DiagnosticJson.read(d));
    }
    try {
      String taken = root.path("snapshotTakenAt").asText(null);
      return new Plan(
          version,
          ResourceJson.text(root, "stack"),
          ResourceJson.text(root, "stackHash"),
          ResourceJson.text(root, "liveFingerprint"),
          ResourceJson.text(root, "accountId"),
          ResourceJson.text(root, "target"),
          Instant.parse(ResourceJson.text(root, "createdAt")),
          changes,
          ecs(root.path("ecs")),
          taken == null ? null : Instant.parse(taken),
          diagnostics);
    } catch (DateTimeParseException e) {
      throw new PlanFormatException("createdAt or snapshotTakenAt is not an ISO-8601 instant");
    }
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

  private static ResourceChange readChange(JsonNode n) {
    List<AttributeDiff> diffs = new ArrayList<>();
    for (JsonNode d : n.path("diffs")) {
      String attribute = ResourceJson.text(d, "attribute");
      if ("document".equals(d.path("type").asText())) {
        diffs.add(
            new AttributeDiff.Document(
                attribute,
                d.path("before").isObject() ? RESOURCES.document(d.get("before")) : null,
                d.path("after").isObject() ? RESOURCES.document(d.get("after")) : null));
      } else {
        diffs.add(
            new AttributeDiff.Value(
                attribute,
                d.path("before").isNull() ? null : d.path("before").asText(null),
                d.path("after").isNull() ? null : d.path("after").asText(null)));
      }
    }
    Set<Address> deps = new LinkedHashSet<>();
    n.path("dependsOn").forEach(d -> deps.add(new Address(d.asText())));
    List<Verdict> verdicts = new ArrayList<>();
    for (JsonNode v : n.path("verdicts")) {
      try {
        verdicts.add(
            new Verdict(
                Verdict.Level.fromJsonName(ResourceJson.text(v, "level")),
                ResourceJson.text(v, "rule"),
                ResourceJson.text(v, "message")));
      } catch (IllegalArgumentException e) {
        throw new PlanFormatException(
            "invalid verdict of change " + n.path("address") + ": " + e.getMessage());
      }
    }
    Resource before = n.path("before").isObject() ? RESOURCES.read(n.get("before")) : null;
    Resource after = n.path("after").isObject() ? RESOURCES.read(n.get("after")) : null;
    try {
      return new ResourceChange(
          new Address(ResourceJson.text(n, "address")),
          ResourceKind.valueOf(ResourceJson.text(n, "kind").toUpperCase(java.util.Locale.ROOT)),
          Action.fromJsonName(ResourceJson.text(n, "action")),
          before,
          after,
          diffs,
          AccessImpact.valueOf(ResourceJson.text(n, "impact").toUpperCase(java.util.Locale.ROOT)),
          n.path("reason").isTextual() ? n.get("reason").asText() : null,
          deps,
          verdicts);
    } catch (IllegalArgumentException e) {
      throw new PlanFormatException("invalid change " + n.path("address") + ": " + e.getMessage());
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
