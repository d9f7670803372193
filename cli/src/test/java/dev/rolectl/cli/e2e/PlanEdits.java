package dev.rolectl.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Edited copies of a real saved plan, generated: for every change and every field of it (and of
 * its {@code before} and {@code after}), and for every top-level field and the resolved stack, the
 * field deleted, set to null, given another JSON type, and altered to another plausible value;
 * changes removed, duplicated, swapped and injected. Each edit changes the file's meaning (or its
 * bytes, for the signature); none leaves it as it was.
 */
final class PlanEdits {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /**
   * Fields that tell the reviewer something but that apply does not use: without a plan key an
   * edit of their values is not refused (apply decides from live state); only a signature covers
   * them. Their deletion, null (where null is not a value rolectl writes) or retyping is refused
   * either way.
   */
  static final Set<String> INFORMATIONAL = Set.of("createdAt", "ecs", "diagnostics", "verdicts");

  /**
   * One edited plan.
   *
   * @param kind the same edit of the same field of another change or resource of the same kind
   *     and action has the same kind: {@link #sampled} keeps one of each
   */
  record Edit(String name, String kind, String json) {}

  /** The first edit of each kind, in order. */
  static List<Edit> sampled(List<Edit> edits) {
    Set<String> seen = new java.util.HashSet<>();
    return edits.stream().filter(e -> seen.add(e.kind())).toList();
  }

  /**
   * For signed plans, whose every edit meets the same refusal (the signature): one edit of each
   * field of a change or resource, whatever its kind, and none inside resources.
   */
  static List<Edit> sampledSigned(List<Edit> edits) {
    Set<String> seen = new java.util.HashSet<>();
    return edits.stream()
        .filter(e -> !e.kind().startsWith("resource["))
        .filter(e -> seen.add(e.kind().replaceAll("^(changes|resolvedStack\\.resources)\\[[^]]*]",
            "$1[*]")))
        .toList();
  }

  private final ObjectNode base;
  private final boolean informational;
  private final List<Edit> edits = new ArrayList<>();

  /**
   * @param informational whether to alter the informational fields' values too (for signed plans)
   */
  private PlanEdits(String json, boolean informational) throws Exception {
    this.base = (ObjectNode) JSON.readTree(json);
    this.informational = informational;
  }

  static List<Edit> of(String json, boolean informational) throws Exception {
    PlanEdits e = new PlanEdits(json, informational);
    e.topLevel();
    e.changes();
    e.resolvedStack();
    if (e.base.has("signature")) {
      e.signature();
    }
    return e.edits;
  }

  private void add(String name, Consumer<ObjectNode> edit) {
    add(name, name, edit);
  }

  private void add(String name, String kind, Consumer<ObjectNode> edit) {
    ObjectNode copy = base.deepCopy();
    edit.accept(copy);
    if (copy.equals(base)) {
      throw new IllegalStateException("edit " + name + " changes nothing");
    }
    try {
      edits.add(new Edit(name, kind, JSON.writeValueAsString(copy)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void topLevel() {
    for (String field : names(base)) {
      if (field.equals("changes") || field.equals("resolvedStack") || field.equals("signature")) {
        continue;
      }
      fieldEdits(field, field, root -> root, field, base.get(field));
    }
  }

  private void changes() {
    ArrayNode changes = (ArrayNode) base.get("changes");
    for (int i = 0; i < changes.size(); i++) {
      int at = i;
      String where = "changes[" + i + "] (" + changes.get(i).get("address").asText() + ")";
      String kind = "changes[" + changes.get(i).get("kind").asText() + " "
          + changes.get(i).get("action").asText() + "]";
      for (String field : names(changes.get(i))) {
        JsonNode value = changes.get(i).get(field);
        fieldEdits(where + "." + field, "changes[*]." + field, kind + "." + field,
            root -> (ObjectNode) root.get("changes").get(at), field, value);
        if (value.isObject() && (field.equals("before") || field.equals("after"))) {
          for (String inner : names(value)) {
            fieldEdits(where + "." + field + "." + inner,
                "resource[" + value.get("type").asText() + "]." + inner,
                "resource[" + value.get("type").asText() + "]." + field + "." + inner,
                root -> (ObjectNode) root.get("changes").get(at).get(field), inner, value.get(inner));
          }
        }
      }
      add(where + " removed", kind + " removed", root -> ((ArrayNode) root.get("changes")).remove(at));
      add(where + " duplicated", kind + " duplicated", root -> ((ArrayNode) root.get("changes"))
          .insert(at, root.get("changes").get(at).deepCopy()));
      if (i + 1 < changes.size()) {
        add(where + " swapped with the next", kind + " swapped", root -> {
          ArrayNode list = (ArrayNode) root.get("changes");
          JsonNode a = list.get(at);
          list.set(at, list.get(at + 1));
          list.set(at + 1, a);
        });
      }
    }
    add("an administrator role injected", root -> ((ArrayNode) root.get("changes"))
        .add(injectedAdmin()));
    add("every change removed", root -> root.putArray("changes"));
  }

  private void resolvedStack() {
    ObjectNode stack = (ObjectNode) base.get("resolvedStack");
    for (String field : names(stack)) {
      if (!field.equals("resources")) {
        fieldEdits("resolvedStack." + field, "resolvedStack." + field,
            root -> (ObjectNode) root.get("resolvedStack"), field, stack.get(field));
      }
    }
    ArrayNode resources = (ArrayNode) stack.get("resources");
    for (int i = 0; i < resources.size(); i++) {
      int at = i;
      String where = "resolvedStack.resources[" + i + "] (" + resources.get(i).get("address").asText() + ")";
      String kind = "resolvedStack.resources[" + resources.get(i).get("type").asText() + "]";
      for (String field : names(resources.get(i))) {
        if (field.equals("type") || field.equals("address") || field.equals("name")
            || field.equals("document") || field.equals("trustPolicy") || field.equals("tags")
            || field.equals("protect")) {
          fieldEdits(where + "." + field,
              "resource[" + resources.get(i).get("type").asText() + "]." + field, kind + "." + field,
              root -> (ObjectNode) root.get("resolvedStack").get("resources").get(at), field,
              resources.get(i).get(field));
        }
      }
      add(where + " removed", kind + " removed",
          root -> ((ArrayNode) root.get("resolvedStack").get("resources")).remove(at));
    }
    add("resolvedStack: an administrator role added", root ->
        ((ArrayNode) root.get("resolvedStack").get("resources")).add(injectedAdmin().get("after")));
  }

  /** The signature: gone, null, of another type, of another key, of other content. */
  private void signature() {
    ObjectNode sig = (ObjectNode) base.get("signature");
    fieldEdits("signature", "signature", root -> root, "signature", sig);
    for (String field : names(sig)) {
      fieldEdits("signature." + field, "signature." + field,
          root -> (ObjectNode) root.get("signature"), field, sig.get(field));
    }
    String value = sig.get("value").asText();
    add("signature.value with one digit flipped", root -> ((ObjectNode) root.get("signature"))
        .put("value", (value.charAt(0) == '0' ? "1" : "0") + value.substring(1)));
    add("signature.keyId of another key", root -> ((ObjectNode) root.get("signature"))
        .put("keyId", "0123456789abcdef"));
    add("signature with a member more", root -> ((ObjectNode) root.get("signature"))
        .put("note", "trusted"));
  }

  /** Delete, null, retype and alter one field of the object {@code at} gives. */
  private void fieldEdits(String name, String kind,
      java.util.function.Function<ObjectNode, ObjectNode> at, String field, JsonNode value) {
    fieldEdits(name, kind, kind, at, field, value);
  }

  /**
   * @param shape the kind of its deletion, null and retyping (the same for the field wherever it
   *     is: the file's shape is checked alike everywhere)
   * @param kind the kind of its alteration
   */
  private void fieldEdits(String name, String shape, String kind,
      java.util.function.Function<ObjectNode, ObjectNode> at, String field, JsonNode value) {
    add(name + " deleted", shape + " deleted", root -> at.apply(root).remove(field));
    // null is a value rolectl writes for ecs (no change needed ECS): an alteration of an
    // informational field, refused only when signed
    boolean nullIsAValue = field.equals("ecs");
    if (!value.isNull() && (!nullIsAValue || informational)) {
      add(name + " null", shape + " null", root -> at.apply(root).putNull(field));
    }
    add(name + " retyped", shape + " retyped", root -> at.apply(root).set(field, retyped(value)));
    if (!INFORMATIONAL.contains(field) || informational) {
      JsonNode altered = altered(field, value);
      if (altered != null && !altered.equals(value)) {
        add(name + " altered", kind + " altered", root -> at.apply(root).set(field, altered));
      }
    }
  }

  private static JsonNode retyped(JsonNode v) {
    if (v.isTextual()) {
      return IntNode.valueOf(7);
    }
    if (v.isNumber()) {
      return TextNode.valueOf(v.asText());
    }
    if (v.isBoolean()) {
      return TextNode.valueOf(v.asText());
    }
    if (v.isArray()) {
      return TextNode.valueOf("x");
    }
    if (v.isObject()) {
      return F.arrayNode().add(v.deepCopy());
    }
    return F.objectNode();
  }

  /** Another plausible value of the field, as an attacker would choose it. */
  private static JsonNode altered(String field, JsonNode v) {
    switch (field) {
      case "action":
        return TextNode.valueOf(v.asText().equals("delete") ? "no-op" : "delete");
      case "impact":
        return TextNode.valueOf(v.asText().equals("narrowing") ? "broadening" : "narrowing");
      case "kind":
      case "type":
        return TextNode.valueOf(v.asText().equals("role") ? "managed_policy" : "role");
      case "name":
      case "roleName":
      case "policyName":
      case "principalName":
        return TextNode.valueOf(v.asText().equals("keeper") ? "admin" : "keeper");
      case "accountId":
        return TextNode.valueOf(v.asText().equals("111111111111") ? "222222222222" : "111111111111");
      case "trustPolicy":
        return doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"AWS\":\"arn:aws:iam::999999999999:root\"},\"Action\":\"sts:AssumeRole\"}]}");
      case "document":
        return doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
            + "\"Resource\":\"*\"}]}");
      case "policyArn":
      case "permissionsBoundary":
        return TextNode.valueOf("arn:aws:iam::aws:policy/AdministratorAccess");
      case "tags":
        ObjectNode tags = v.isObject() ? ((ObjectNode) v).deepCopy() : F.objectNode();
        tags.remove("rolectl:protect");
        tags.put("owner", "attacker");
        return tags;
      case "dependsOn":
        return v.isArray() && v.size() > 0 ? F.arrayNode() : F.arrayNode().add("roles.keeper");
      case "diffs":
        return v.isArray() && v.size() > 0 ? F.arrayNode() : F.arrayNode().add(F.objectNode()
            .put("attribute", "description").put("type", "value").putNull("before").put("after", "x"));
      case "verdicts":
        return v.isArray() && v.size() > 0 ? F.arrayNode() : F.arrayNode().add(F.objectNode()
            .put("level", "allow").put("rule", "ecs-role-delete").put("message", "fine"));
      case "before":
      case "after":
        return v.isNull() ? null : F.nullNode();
      case "ecs":
        return v.isNull() ? F.objectNode().<ObjectNode>set("regions", F.arrayNode().add("us-east-1"))
            .set("clusters", F.arrayNode()) : F.nullNode();
      case "diagnostics":
        return F.arrayNode().add(F.objectNode().put("severity", "warning").put("rule", "x")
            .put("address", "roles.app").put("message", "all is well"));
      case "createdAt":
        return TextNode.valueOf("2030-01-01T00:00:00Z");
      case "formatVersion":
        return IntNode.valueOf(2);
      case "maxSessionDuration":
      case "maxManagedPoliciesPerRole":
        return IntNode.valueOf(v.asInt() == 43200 ? 3600 : 43200);
      case "target":
        return TextNode.valueOf(v.asText().equals("aws") ? "snapshot:/nonexistent/account.json" : "aws");
      case "protect":
      case "adopt":
      case "adoptAll":
      case "errored":
      case "blocked":
        return F.booleanNode(!v.asBoolean());
      case "summary":
        ObjectNode s = ((ObjectNode) v).deepCopy();
        s.put("create", s.path("create").asInt() + 1);
        return s;
      case "ignoreTagPrefixes":
      case "ecsRegions":
        return F.arrayNode().add("aws-cdk:");
      case "settings":
        ObjectNode settings = ((ObjectNode) v).deepCopy();
        settings.put("maxManagedPoliciesPerRole", 1);
        return settings;
      default:
        if (v.isTextual()) {
          return TextNode.valueOf(v.asText() + "-edited");
        }
        return v.isNull() ? TextNode.valueOf("edited") : null;
    }
  }

  private static JsonNode doc(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A role trusted by another account with AdministratorAccess, tagged as the stack's. */
  static ObjectNode injectedAdmin() {
    ObjectNode after = F.objectNode();
    after.put("type", "role").put("address", "roles.backdoor").put("location", "stack.yaml:1:1")
        .put("name", "backdoor").put("path", "/").putNull("description")
        .put("maxSessionDuration", 3600);
    after.set("trustPolicy", altered("trustPolicy", null));
    after.putNull("permissionsBoundary");
    after.putObject("tags").put("rolectl:stack", SavedPlanScenario.STACK);
    after.putNull("ecsInfrastructure");
    after.put("protect", false).put("adopt", false).putArray("dependsOn");
    ObjectNode c = F.objectNode();
    c.put("address", "roles.backdoor").put("kind", "role").put("action", "create")
        .put("impact", "broadening").putNull("reason");
    c.putArray("dependsOn");
    c.putArray("diffs");
    c.putArray("verdicts");
    c.putNull("before");
    c.set("after", after);
    return c;
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  /**
   * The plan with its {@code digest} made again for its (edited) changes, as an attacker who edits
   * consistently would: the digest is SHA-256 of the changes, no secret. Taken from what rolectl
   * says it writes for the file's content.
   */
  static ObjectNode redigested(ObjectNode plan) throws Exception {
    try {
      dev.rolectl.engine.plan.PlanFile.read(JSON.writeValueAsString(plan));
    } catch (dev.rolectl.engine.plan.PlanFormatException e) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(
          "digest: the file has \"[^\"]*\" where rolectl writes \"(sha256:[0-9a-f]{64})\"")
          .matcher(e.getMessage());
      if (m.find()) {
        plan.put("digest", m.group(1));
      }
    }
    return plan;
  }

  /**
   * An edited plan made consistent, as an attacker who edits carefully would make it: a change
   * turned from a no-op into a change gets the access fields rolectl writes for a change the
   * analysis did not find granting anything ({@code "grantsNewAccess": false}, no {@code
   * newAccess}), and the digest is made again ({@link #redigested}). The re-plan must still refuse.
   */
  static ObjectNode consistent(ObjectNode plan) throws Exception {
    for (JsonNode c : plan.get("changes")) {
      if (!"no-op".equals(c.path("action").asText()) && !c.has("grantsNewAccess")) {
        ((ObjectNode) c).put("grantsNewAccess", false);
        ((ObjectNode) c).putArray("newAccess");
      }
    }
    return redigested(plan);
  }
}
