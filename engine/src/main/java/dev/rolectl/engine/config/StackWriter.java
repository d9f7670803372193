package dev.rolectl.engine.config;

import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.policy.PolicyParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes roles as a stack file (format v1), for {@code rolectl import}: each role with
 * {@code adopt: true}, so that the stack plans as an adoption and nothing else.
 */
public final class StackWriter {
  private StackWriter() {}

  /**
   * @param stackName the {@code stack:} of the file
   * @param schemaPath path to the stack schema for the yaml-language-server comment, or null
   * @param resources roles with their attachments and inline policies
   */
  public static String write(String stackName, String schemaPath, List<Resource> resources) {
    Map<String, Object> roles = new LinkedHashMap<>();
    for (Resource r : resources) {
      if (r instanceof Role role) {
        roles.put(role.name(), role(role, resources));
      }
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("apiVersion", "rolectl/v1");
    root.put("stack", stackName);
    root.put("roles", roles);
    StringBuilder out = new StringBuilder();
    if (schemaPath != null) {
      out.append("# yaml-language-server: $schema=").append(schemaPath).append('\n');
    }
    out.append("# Written by 'rolectl import'. adopt: true lets rolectl take these roles over;\n");
    out.append("# after the first apply has tagged them, the adopt lines may go.\n");
    out.append(yaml().dump(root));
    return out.toString();
  }

  private static Map<String, Object> role(Role role, List<Resource> all) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (role.description() != null && !role.description().isEmpty()) {
      m.put("description", References.escape(role.description()));
    }
    m.put("path", role.path());
    m.put("maxSessionDuration", role.maxSessionDuration());
    m.put("trustPolicy", tree(role.trustPolicy()));
    List<String> managed = new ArrayList<>();
    Map<String, Object> inline = new TreeMap<>();
    for (Resource r : all) {
      if (r instanceof RolePolicyAttachment a && a.roleName().equals(role.name())) {
        managed.add(References.escape(a.policyArn()));
      } else if (r instanceof InlinePolicy i && i.roleName().equals(role.name())) {
        inline.put(i.policyName(), tree(i.document()));
      }
    }
    if (!managed.isEmpty()) {
      m.put("managedPolicies", managed);
    }
    if (!inline.isEmpty()) {
      m.put("inlinePolicies", inline);
    }
    if (role.permissionsBoundary() != null) {
      m.put("permissionsBoundary", References.escape(role.permissionsBoundary()));
    }
    Map<String, String> tags = new TreeMap<>(role.tags());
    // rolectl's own tags (reserved in the schema): the owner is the stack written; protection
    // is written as protect: true, which writes the tag again
    boolean protect = role.protect() || "true".equalsIgnoreCase(tags.get(Stack.PROTECT_TAG));
    tags.keySet().removeIf(k -> k.startsWith("aws:")
        || k.regionMatches(true, 0, Stack.RESERVED_TAG_PREFIX, 0, Stack.RESERVED_TAG_PREFIX.length()));
    tags.replaceAll((k, v) -> References.escape(v));
    if (!tags.isEmpty()) {
      m.put("tags", tags);
    }
    if (role.ecsInfrastructure() != null) {
      m.put("ecsInfrastructure", role.ecsInfrastructure().yamlName());
    }
    if (protect) {
      m.put("protect", true);
    }
    m.put("adopt", true);
    return m;
  }

  /**
   * A policy document as plain maps and lists (JSON is YAML, so SnakeYAML reads it), with literal
   * {@code ${} escaped so that loading the file does not take it for a reference.
   */
  private static Object tree(PolicyDocument document) {
    return escaped(
        new Yaml(new SafeConstructor(new LoaderOptions())).load(PolicyParser.toJson(document)));
  }

  private static Object escaped(Object node) {
    if (node instanceof String s) {
      return References.escape(s);
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(item -> out.add(escaped(item)));
      return out;
    }
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, escaped(v)));
      return out;
    }
    return node;
  }

  private static Yaml yaml() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setWidth(120);
    options.setSplitLines(false);
    return new Yaml(new Representer(options), options);
  }
}
