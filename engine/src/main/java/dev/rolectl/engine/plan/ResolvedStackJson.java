package dev.rolectl.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.SourceMap;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.model.StackSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code resolvedStack} section of a saved plan: {@code {"name", "account", "accountId",
 * "partition", "tags", "settings": {"maxManagedPoliciesPerRole", "ignoreTagPrefixes",
 * "ecsRegions", "organizationDeniedRegions"}, "adoptAll", "resources": [...]}}, resources in the
 * stack's order and in the form of the changes' {@code before} and {@code after}. Every field of
 * {@link StackSettings} is here: apply plans this stack again ({@code ResolvedStackJsonTest}).
 */
final class ResolvedStackJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ResourceJson RESOURCES = new ResourceJson(MAPPER);

  private ResolvedStackJson() {}

  static ObjectNode write(ResolvedStack resolved) {
    Stack s = resolved.stack();
    ObjectNode n = MAPPER.createObjectNode();
    n.put("name", s.name());
    if (s.account() == null) {
      n.putNull("account");
    } else {
      n.put("account", s.account());
    }
    n.put("accountId", s.accountId());
    n.put("partition", s.partition());
    ObjectNode tags = n.putObject("tags");
    new TreeMap<>(s.tags()).forEach(tags::put);
    ObjectNode settings = n.putObject("settings");
    settings.put("maxManagedPoliciesPerRole", s.settings().maxManagedPoliciesPerRole());
    s.settings().ignoreTagPrefixes().forEach(settings.putArray("ignoreTagPrefixes")::add);
    s.settings().ecsRegions().forEach(settings.putArray("ecsRegions")::add);
    s.settings().organizationDeniedRegions()
        .forEach(settings.putArray("organizationDeniedRegions")::add);
    n.put("adoptAll", resolved.adoptAll());
    ArrayNode resources = n.putArray("resources");
    s.resources().forEach(r -> resources.add(RESOURCES.write(r)));
    return n;
  }

  /**
   * Reads the section; what does not fit is refused naming the field ({@code
   * resolvedStack.resources[3]}).
   */
  static ResolvedStack read(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new PlanFormatException("resolvedStack is missing or not an object: a saved plan holds"
          + " the stack it was made from; make the plan again with this rolectl");
    }
    JsonNode settings = n.path("settings");
    if (!settings.isObject() || !settings.path("maxManagedPoliciesPerRole").isInt()) {
      throw new PlanFormatException("resolvedStack.settings is missing or not what rolectl writes");
    }
    List<Resource> resources = new ArrayList<>();
    JsonNode list = n.path("resources");
    if (!list.isArray()) {
      throw new PlanFormatException("resolvedStack.resources is missing or not a list");
    }
    for (int i = 0; i < list.size(); i++) {
      resources.add(resource(list.get(i), "resolvedStack.resources[" + i + "]"));
    }
    JsonNode account = n.path("account");
    Stack stack = new Stack(
        field(n, "name"),
        account.isNull() || account.isMissingNode() ? null : field(n, "account"),
        field(n, "accountId"),
        field(n, "partition"),
        strings(n.path("tags"), "resolvedStack.tags"),
        resources,
        new StackSettings(settings.get("maxManagedPoliciesPerRole").asInt(),
            list(settings.path("ignoreTagPrefixes"), "resolvedStack.settings.ignoreTagPrefixes"),
            list(settings.path("ecsRegions"), "resolvedStack.settings.ecsRegions"),
            list(settings.path("organizationDeniedRegions"),
                "resolvedStack.settings.organizationDeniedRegions")),
        SourceMap.empty());
    if (!n.path("adoptAll").isBoolean()) {
      throw new PlanFormatException("resolvedStack.adoptAll is missing or not true or false");
    }
    return new ResolvedStack(stack, n.get("adoptAll").asBoolean());
  }

  /** A resource as the changes hold them, or a located refusal. */
  static Resource resource(JsonNode n, String where) {
    if (n == null || !n.isObject()) {
      throw new PlanFormatException(where + " is not a resource object");
    }
    try {
      return RESOURCES.read(n);
    } catch (PlanFormatException e) {
      throw new PlanFormatException(where + ": " + e.getMessage());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new PlanFormatException(where + " is not a resource as rolectl writes it (a field is"
          + " missing or has a value rolectl does not write)");
    }
  }

  private static String field(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || !v.isTextual()) {
      throw new PlanFormatException("resolvedStack." + name + " is missing or not a string");
    }
    return v.asText();
  }

  private static Map<String, String> strings(JsonNode n, String where) {
    if (!n.isObject()) {
      throw new PlanFormatException(where + " is missing or not an object of strings");
    }
    Map<String, String> out = new TreeMap<>();
    n.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual()) {
        throw new PlanFormatException(where + "." + e.getKey() + " is not a string");
      }
      out.put(e.getKey(), e.getValue().asText());
    });
    return out;
  }

  private static List<String> list(JsonNode n, String where) {
    if (!n.isArray()) {
      throw new PlanFormatException(where + " is missing or not a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : n) {
      if (!e.isTextual()) {
        throw new PlanFormatException(where + " holds something other than a string");
      }
      out.add(e.asText());
    }
    return out;
  }
}
