package dev.rolectl.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.input.InputKind;
import dev.rolectl.engine.input.InputProblem;
import dev.rolectl.engine.input.StrictJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The multi-account plan file: versioned JSON, {@code "kind": "rolectl-multi-account-plan"},
 * with each account's plan in the single-account format ({@link PlanFile}) or its error.
 * {@code plan --accounts ... --format json} prints it; {@code apply} and {@code merge} read it.
 */
public final class MultiPlanFile {
  /** The value of {@code kind} that tells this file from a single-account plan. */
  public static final String KIND = "rolectl-multi-account-plan";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MultiPlanFile() {}

  /**
   * Whether {@code json} is a multi-account plan (rather than a single account's): its top-level
   * {@code kind} is {@link #KIND}, found by reading the tokens up to it. Where the text breaks
   * before (a broken file, which the strict reader then refuses at its place), whether it holds
   * {@code "kind"} and {@code "rolectl-multi-account-plan"} decides.
   */
  public static boolean isMultiAccount(String json) {
    try (com.fasterxml.jackson.core.JsonParser p = MAPPER.createParser(json)) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        return false;
      }
      for (var t = p.nextToken(); t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME;
          t = p.nextToken()) {
        String name = p.currentName();
        var value = p.nextToken();
        if (name.equals("kind") && value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING
            && KIND.equals(p.getText())) {
          return true; // (a second "kind" is then refused by the strict reader)
        }
        p.skipChildren();
      }
      return false;
    } catch (java.io.IOException | RuntimeException e) {
      return json.contains("\"kind\"") && json.contains("\"" + KIND + "\"");
    }
  }

  public static String write(MultiPlan plan) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", KIND);
    root.put("formatVersion", plan.formatVersion());
    root.put("stack", plan.stack());
    if (plan.stackDigest() != null) {
      root.put("stackDigest", plan.stackDigest());
    }
    root.put("createdAt", plan.createdAt().toString());
    plan.shards().forEach(root.putArray("shards")::add);
    if (plan.accountsDigest() != null) {
      root.put("accountsDigest", plan.accountsDigest());
    }
    root.put("status", plan.worst().jsonName());
    root.put("errored", plan.errored());
    ObjectNode summary = root.putObject("summary");
    for (AccountPlan.Status s : AccountPlan.Status.values()) {
      summary.put(s.jsonName(), plan.count(s));
    }
    ArrayNode accounts = root.putArray("accounts");
    for (AccountPlan a : plan.accounts()) {
      ObjectNode n = accounts.addObject();
      n.put("accountId", a.accountId());
      n.put("accountName", a.accountName());
      if (a.roleArn() == null) {
        n.putNull("roleArn");
      } else {
        n.put("roleArn", a.roleArn());
      }
      n.put("status", a.status().jsonName());
      n.put("errored", a.errored());
      if (a.plan() != null) {
        n.set("plan", tree(PlanFile.write(a.plan())));
      } else {
        n.put("error", a.error());
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plan did not serialise", e);
    }
  }

  /** Multi-account plans as {@link StrictJson} reads them: at most 256 MiB, as saved plans. */
  public static final InputKind FILE_KIND = new InputKind("multi-account plan",
      PlanFile.KIND.maxBytes(),
      "a multi-account plan is the JSON that 'rolectl plan --accounts ... --out FILE' writes:"
          + " make the plan again");

  /**
   * Reads a multi-account plan file: strict JSON ({@link StrictJson}); every problem is a {@link
   * PlanFormatException} with the line and column of the value at fault.
   *
   * @throws PlanFormatException for another kind of file, another version, or a broken one
   */
  public static MultiPlan read(String json) {
    try {
      return StrictJson.parse(json, FILE_KIND, MultiPlanFile::read);
    } catch (InputProblem e) {
      throw PlanFormatException.at(e.line(), e.column(), e.problem(), e);
    } catch (PlanFormatException e) {
      throw PlanFile.located(json, e);
    } catch (RuntimeException e) {
      throw PlanFile.located(json, PlanFile.unusable(e, ""));
    }
  }

  private static MultiPlan read(JsonNode root) {
    if (!root.isObject()) {
      throw new PlanFormatException("not a multi-account plan: a JSON " + root.getNodeType().name()
          .toLowerCase(java.util.Locale.ROOT) + ", not an object");
    }
    if (!KIND.equals(root.path("kind").asText())) {
      throw new PlanFormatException("not a multi-account plan (no \"kind\": \"" + KIND + "\")");
    }
    int version = PlanFile.version(root);
    if (version != MultiPlan.FORMAT_VERSION) {
      throw new PlanFormatException("multi-account plan format version " + version + " is not"
          + " supported (this rolectl reads version " + MultiPlan.FORMAT_VERSION + "); plan again"
          + " with this rolectl", "/formatVersion");
    }
    List<String> shards = new ArrayList<>();
    JsonNode shardList = root.path("shards");
    if (!shardList.isMissingNode() && !shardList.isArray()) {
      throw new PlanFormatException("shards must be a list such as [\"1/2\"]", "/shards");
    }
    for (int i = 0; i < shardList.size(); i++) {
      JsonNode s = shardList.get(i);
      if (!s.isTextual() || !SHARD.matcher(s.asText()).matches()) {
        throw new PlanFormatException("shards: " + (s.isTextual() ? "'" + s.asText() + "'"
            : PlanFile.abbreviated(s)) + " is not a shard I/N", "/shards/" + i);
      }
      shards.add(s.asText());
    }
    JsonNode list = root.path("accounts");
    if (!list.isArray()) {
      throw new PlanFormatException("accounts must be a list of accounts, found "
          + (list.isMissingNode() ? "nothing" : list.getNodeType().name().toLowerCase(
              java.util.Locale.ROOT)) + ": the file was edited or cut; plan again", "/accounts");
    }
    if (list.isEmpty() && shards.isEmpty()) {
      throw new PlanFormatException("accounts is empty, and only a shard (--shard I/N) may have"
          + " no account: the file was edited; plan again", "/accounts");
    }
    List<AccountPlan> accounts = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      AccountPlan a;
      try {
        a = AccountEntry.read(list.get(i), i);
      } catch (RuntimeException e) {
        throw PlanFile.unusable(e, "/accounts/" + i);
      }
      if (!seen.add(a.accountId())) {
        throw new PlanFormatException("account " + a.accountId() + " is listed twice (accounts["
            + i + "]): a plan lists each account once; plan again, or merge the shards with"
            + " 'rolectl merge'", "/accounts/" + i);
      }
      accounts.add(a);
    }
    String digest = root.path("stackDigest").isTextual() ? root.get("stackDigest").asText() : null;
    JsonNode listed = root.path("accountsDigest");
    if (!listed.isMissingNode() && !(listed.isTextual() && HEX64.matcher(listed.asText()).matches())) {
      throw new PlanFormatException("accountsDigest: not 64 hex digits: the file was edited; plan"
          + " again", "/accountsDigest");
    }
    MultiPlan plan;
    try {
      plan = new MultiPlan(version, text(root, "stack"), digest,
          Instant.parse(text(root, "createdAt")), shards, accounts,
          listed.isMissingNode() ? null : listed.asText());
    } catch (DateTimeParseException e) {
      throw new PlanFormatException("createdAt is not a time: " + e.getParsedString());
    }
    asWritten(root, plan);
    return plan;
  }

  /**
   * A file must be what {@link #write} gives for what it holds (its signature aside): no field
   * added, missing or retyped, and {@code status}, {@code errored} and {@code summary} as its
   * accounts give them.
   */
  private static void asWritten(JsonNode root, MultiPlan plan) {
    com.fasterxml.jackson.databind.node.ObjectNode file =
        ((com.fasterxml.jackson.databind.node.ObjectNode) root).deepCopy();
    file.remove("signature");
    JsonDifference.first(file, tree(write(plan))).ifPresent(d -> {
      String what = d.right() == null ? " is not a field rolectl writes there"
          : d.left() == null ? " is missing"
          : ": the file has " + JsonDifference.shown(d.left()) + " where rolectl writes "
              + JsonDifference.shown(d.right()) + " for what the file holds";
      throw new PlanFormatException(d.path() + what + " (the file was edited or damaged); make"
          + " the plan again");
    });
  }

  private static final java.util.regex.Pattern HEX64 =
      java.util.regex.Pattern.compile("[0-9a-f]{64}");

  private static final java.util.regex.Pattern SHARD = java.util.regex.Pattern.compile(
      "[1-9]\\d{0,3}/[1-9]\\d{0,3}");

  static String text(JsonNode n, String field) {
    if (!n.path(field).isTextual()) {
      throw new PlanFormatException("missing or not a string: " + field, "/" + field);
    }
    return n.get(field).asText();
  }

  /** The tree of JSON that rolectl wrote itself (a plan it is writing into this file). */
  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("rolectl's own plan JSON did not parse", e);
    }
  }
}
