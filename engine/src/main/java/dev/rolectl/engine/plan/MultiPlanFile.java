package dev.rolectl.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  /** Whether {@code json} is a multi-account plan (rather than a single account's). */
  public static boolean isMultiAccount(String json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      return root != null && KIND.equals(root.path("kind").asText());
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  public static String write(MultiPlan plan) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", KIND);
    root.put("formatVersion", plan.formatVersion());
    root.put("stack", plan.stack());
    root.put("createdAt", plan.createdAt().toString());
    plan.shards().forEach(root.putArray("shards")::add);
    root.put("status", plan.worst().jsonName());
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

  /**
   * Reads a multi-account plan file.
   *
   * @throws PlanFormatException for another kind of file, another version, or a broken one
   */
  public static MultiPlan read(String json) {
    JsonNode root = tree(json);
    if (!KIND.equals(root.path("kind").asText())) {
      throw new PlanFormatException("not a multi-account plan (no \"kind\": \"" + KIND + "\")");
    }
    int version = root.path("formatVersion").asInt(-1);
    if (version != MultiPlan.FORMAT_VERSION) {
      throw new PlanFormatException("multi-account plan format version " + version + " is not"
          + " supported (this rolectl reads version " + MultiPlan.FORMAT_VERSION + "); plan again"
          + " with this rolectl");
    }
    List<AccountPlan> accounts = new ArrayList<>();
    for (JsonNode n : root.path("accounts")) {
      String id = text(n, "accountId");
      String name = n.path("accountName").asText("");
      String role = n.path("roleArn").isTextual() ? n.get("roleArn").asText() : null;
      if (n.hasNonNull("plan")) {
        Plan p = PlanFile.read(n.get("plan").toString());
        if (!p.accountId().equals(id)) {
          throw new PlanFormatException("account " + id + " holds a plan of account "
              + p.accountId() + ": the file was edited; plan again");
        }
        accounts.add(AccountPlan.planned(id, name, role, p));
      } else {
        accounts.add(AccountPlan.failed(id, name, role, text(n, "error")));
      }
    }
    List<String> shards = new ArrayList<>();
    root.path("shards").forEach(s -> shards.add(s.asText()));
    try {
      return new MultiPlan(version, text(root, "stack"), Instant.parse(text(root, "createdAt")),
          shards, accounts);
    } catch (DateTimeParseException e) {
      throw new PlanFormatException("createdAt is not a time: " + e.getParsedString());
    }
  }

  private static String text(JsonNode n, String field) {
    if (!n.path(field).isTextual()) {
      throw new PlanFormatException("missing or not a string: " + field);
    }
    return n.get(field).asText();
  }

  private static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new PlanFormatException("not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }
}
