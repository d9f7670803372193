package dev.rolectl.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.EcsInfrastructure;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.InstanceProfile;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.policy.PolicyParse;
import dev.rolectl.engine.policy.PolicyParser;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Resources to and from the JSON of saved plans. Field names follow the stack file. */
final class ResourceJson {
  private final ObjectMapper mapper;

  ResourceJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode write(Resource r) {
    ObjectNode n = mapper.createObjectNode();
    n.put("type", ResourceKind.of(r).name().toLowerCase(Locale.ROOT));
    n.put("address", r.address().value());
    n.put("location", r.location().toString());
    if (r instanceof Role role) {
      n.put("name", role.name());
      n.put("path", role.path());
      putNullable(n, "description", role.description());
      n.put("maxSessionDuration", role.maxSessionDuration());
      n.set("trustPolicy", document(role.trustPolicy()));
      putNullable(n, "permissionsBoundary", role.permissionsBoundary());
      n.set("tags", tags(role.tags()));
      putNullable(
          n,
          "ecsInfrastructure",
          role.ecsInfrastructure() == null ? null : role.ecsInfrastructure().yamlName());
      n.put("protect", role.protect());
      n.put("adopt", role.adopt());
    } else if (r instanceof ManagedPolicy p) {
      n.put("name", p.name());
      n.put("path", p.path());
      putNullable(n, "description", p.description());
      n.set("document", document(p.document()));
      n.set("tags", tags(p.tags()));
      n.put("protect", p.protect());
      n.put("adopt", p.adopt());
    } else if (r instanceof RolePolicyAttachment a) {
      n.put("roleName", a.roleName());
      n.put("policyArn", a.policyArn());
    } else if (r instanceof InlinePolicy i) {
      n.put("roleName", i.roleName());
      n.put("policyName", i.policyName());
      n.set("document", document(i.document()));
    } else if (r instanceof InstanceProfile ip) {
      n.put("name", ip.name());
      n.put("path", ip.path());
      n.put("roleName", ip.roleName());
      n.set("tags", tags(ip.tags()));
      n.put("adopt", ip.adopt());
    } else if (r instanceof PrincipalPolicyAttachment a) {
      n.put("principalType", a.principalType().name().toLowerCase(Locale.ROOT));
      n.put("principalName", a.principalName());
      n.put("policyName", a.policyName());
      n.put("policyArn", a.policyArn());
    }
    ArrayNode deps = n.putArray("dependsOn");
    new TreeSet<>(r.dependsOn()).forEach(d -> deps.add(d.value()));
    return n;
  }

  Resource read(JsonNode n) {
    ResourceKind type = named(n, "type", ResourceKind.values(), ResourceJson::lower);
    Address address = new Address(text(n, "address"));
    Location location = location(text(n, "location"));
    Set<Address> deps = new LinkedHashSet<>();
    PlanFile.list(n, "dependsOn").forEach(d -> deps.add(new Address(d.asText())));
    switch (type) {
      case ROLE:
        return new Role(
            address,
            location,
            text(n, "name"),
            text(n, "path"),
            nullable(n, "description"),
            integer(n, "maxSessionDuration", Role.DEFAULT_MAX_SESSION_DURATION),
            document(n.path("trustPolicy")),
            nullable(n, "permissionsBoundary"),
            tags(n.path("tags")),
            n.hasNonNull("ecsInfrastructure")
                ? EcsInfrastructure.fromYaml(n.get("ecsInfrastructure").asText()).orElse(null)
                : null,
            bool(n, "protect"),
            bool(n, "adopt"),
            deps);
      case MANAGED_POLICY:
        return new ManagedPolicy(
            address,
            location,
            text(n, "name"),
            text(n, "path"),
            nullable(n, "description"),
            document(n.path("document")),
            tags(n.path("tags")),
            bool(n, "protect"),
            bool(n, "adopt"),
            deps);
      case ROLE_POLICY_ATTACHMENT:
        return new RolePolicyAttachment(
            address, location, text(n, "roleName"), text(n, "policyArn"), deps);
      case INLINE_POLICY:
        return new InlinePolicy(
            address,
            location,
            text(n, "roleName"),
            text(n, "policyName"),
            document(n.path("document")),
            deps);
      case INSTANCE_PROFILE:
        return new InstanceProfile(address, location, text(n, "name"), text(n, "path"),
            text(n, "roleName"), tags(n.path("tags")), bool(n, "adopt"), deps);
      case PRINCIPAL_POLICY_ATTACHMENT:
      default:
        return new PrincipalPolicyAttachment(
            address,
            location,
            named(n, "principalType", PrincipalType.values(), ResourceJson::lower),
            text(n, "principalName"),
            text(n, "policyName"),
            text(n, "policyArn"),
            deps);
    }
  }

  JsonNode document(PolicyDocument d) {
    try {
      return mapper.readTree(PolicyParser.toJson(d));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("policy JSON did not parse back", e);
    }
  }

  /** One statement as IAM JSON. */
  JsonNode statement(dev.rolectl.engine.model.Statement s) {
    return document(new PolicyDocument(null, null, java.util.List.of(s))).path("Statement").path(0);
  }

  PolicyDocument document(JsonNode n) {
    PolicyParse parse = PolicyParser.parseJson(n.toString());
    return parse
        .document()
        .orElseThrow(
            () -> new PlanFormatException("invalid policy document in plan: " + parse.problems()
                .stream().map(p -> (p.pointer().isEmpty() ? "" : p.pointer() + ": ") + p.message())
                .collect(java.util.stream.Collectors.joining("; "))));
  }

  private ObjectNode tags(Map<String, String> tags) {
    ObjectNode t = mapper.createObjectNode();
    new TreeMap<>(tags).forEach(t::put);
    return t;
  }

  private static Map<String, String> tags(JsonNode n) {
    Map<String, String> tags = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new PlanFormatException("the tag '" + e.getKey() + "' is not a string",
            "/tags/" + e.getKey().replace("~", "~0").replace("/", "~1"));
      }
      tags.put(e.getKey(), e.getValue().asText());
    }
    return tags;
  }

  private static void putNullable(ObjectNode n, String field, String value) {
    if (value == null) {
      n.putNull(field);
    } else {
      n.put(field, value);
    }
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new PlanFormatException("field '" + field + "' is " + (v == null ? "missing"
          : v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + PlanFile.abbreviated(v)
              + ", not a string") + ": the file was edited or damaged; make the plan again",
          "/" + field);
    }
    return v.asText();
  }

  /** The constant whose JSON name ({@code jsonName}) is the field's text. */
  static <E extends Enum<E>> E named(JsonNode n, String field, E[] values,
      java.util.function.Function<E, String> jsonName) {
    String s = text(n, field);
    for (E v : values) {
      if (jsonName.apply(v).equals(s)) {
        return v;
      }
    }
    throw new PlanFormatException("field '" + field + "' is '" + s + "', not one of "
        + java.util.Arrays.stream(values).map(jsonName).collect(
            java.util.stream.Collectors.joining(", "))
        + ": the file was edited or damaged; make the plan again", "/" + field);
  }

  /** An enum constant's JSON name as rolectl writes it: its name in lower case. */
  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /** A whole number field; {@code fallback} when missing or null. */
  private static int integer(JsonNode n, String field, int fallback) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new PlanFormatException("field '" + field + "' is " + PlanFile.abbreviated(v)
          + ", not a whole number: the file was edited or damaged; make the plan again",
          "/" + field);
    }
    return v.intValue();
  }

  /** A true-or-false field; false when missing or null. */
  private static boolean bool(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new PlanFormatException("field '" + field + "' is " + PlanFile.abbreviated(v)
          + ", not true or false: the file was edited or damaged; make the plan again",
          "/" + field);
    }
    return v.booleanValue();
  }

  private static String nullable(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static Location location(String s) {
    int c2 = s.lastIndexOf(':');
    int c1 = c2 > 0 ? s.lastIndexOf(':', c2 - 1) : -1;
    if (c1 <= 0) {
      throw new PlanFormatException("location '" + s + "' is not file:line:col");
    }
    try {
      return new Location(
          s.substring(0, c1),
          Integer.parseInt(s.substring(c1 + 1, c2)),
          Integer.parseInt(s.substring(c2 + 1)));
    } catch (IllegalArgumentException e) {
      throw new PlanFormatException("location '" + s + "' is not file:line:col");
    }
  }
}
