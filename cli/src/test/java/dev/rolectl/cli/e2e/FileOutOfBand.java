package dev.rolectl.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Out-of-band changes to a {@code local:} account file, edited as a person would edit it: the
 * shape of {@code aws iam get-account-authorization-details}, documents as the text given.
 */
final class FileOutOfBand implements OutOfBand {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Path file;

  FileOutOfBand(Path file) {
    this.file = file;
  }

  private ObjectNode load() {
    try {
      return Files.exists(file)
          ? (ObjectNode) MAPPER.readTree(file.toFile())
          : MAPPER.createObjectNode().put("AccountId", Moto.ACCOUNT_ID);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void save(ObjectNode root) {
    try {
      MAPPER.writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ArrayNode list(ObjectNode root, String key) {
    return root.has(key) ? (ArrayNode) root.get(key) : root.putArray(key);
  }

  private ObjectNode role(ObjectNode root, String name) {
    for (JsonNode r : list(root, "RoleDetailList")) {
      if (r.path("RoleName").asText().equals(name)) {
        return (ObjectNode) r;
      }
    }
    throw new IllegalArgumentException("no role " + name);
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void tags(ObjectNode node, Map<String, String> tags) {
    ArrayNode list = node.has("Tags") ? (ArrayNode) node.get("Tags") : node.putArray("Tags");
    tags.forEach(
        (k, v) -> {
          for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).path("Key").asText().equals(k)) {
              list.remove(i);
            }
          }
          list.addObject().put("Key", k).put("Value", v);
        });
  }

  @Override
  public void createRole(String name, String path, String trust, Map<String, String> tags) {
    ObjectNode root = load();
    ObjectNode role = list(root, "RoleDetailList").addObject();
    role.put("RoleName", name).put("Path", path);
    role.put("Arn", "arn:aws:iam::" + Moto.ACCOUNT_ID + ":role" + path + name);
    role.set("AssumeRolePolicyDocument", json(trust));
    role.putArray("AttachedManagedPolicies");
    role.putArray("RolePolicyList");
    tags(role, tags);
    save(root);
  }

  @Override
  public void attachRolePolicy(String roleName, String policyArn) {
    ObjectNode root = load();
    ((ArrayNode) role(root, roleName).get("AttachedManagedPolicies")).addObject().put("PolicyArn", policyArn);
    save(root);
  }

  @Override
  public void putRolePolicy(String roleName, String policyName, String document) {
    ObjectNode root = load();
    ObjectNode p = ((ArrayNode) role(root, roleName).get("RolePolicyList")).addObject();
    p.put("PolicyName", policyName).set("PolicyDocument", json(document));
    save(root);
  }

  @Override
  public void updateAssumeRolePolicy(String roleName, String trust) {
    ObjectNode root = load();
    role(root, roleName).set("AssumeRolePolicyDocument", json(trust));
    save(root);
  }

  @Override
  public void tagRole(String roleName, Map<String, String> tags) {
    ObjectNode root = load();
    tags(role(root, roleName), tags);
    save(root);
  }

  @Override
  public String createPolicy(String name, String document, Map<String, String> tags) {
    ObjectNode root = load();
    String arn = "arn:aws:iam::" + Moto.ACCOUNT_ID + ":policy/" + name;
    ObjectNode p = list(root, "Policies").addObject();
    p.put("PolicyName", name).put("Path", "/").put("Arn", arn).put("DefaultVersionId", "v1");
    p.putArray("PolicyVersionList")
        .addObject()
        .put("VersionId", "v1")
        .put("IsDefaultVersion", true)
        .set("Document", json(document));
    tags(p, tags);
    save(root);
    return arn;
  }

  @Override
  public void createUser(String name) {
    ObjectNode root = load();
    ObjectNode user = list(root, "UserDetailList").addObject();
    user.put("UserName", name).put("Arn", "arn:aws:iam::" + Moto.ACCOUNT_ID + ":user/" + name);
    user.putArray("AttachedManagedPolicies");
    save(root);
  }
}
