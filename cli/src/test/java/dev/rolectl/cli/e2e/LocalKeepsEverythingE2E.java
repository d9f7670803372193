package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.cli.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code local:} keeps everything it does not manage: an account file with every field of
 * GetAccountAuthorizationDetails' answer filled ({@link GaadFile}, generated from botocore's model
 * at test time), applied with a stack that creates a role and a policy, attaches the policy to a
 * generated user and group, and adopts a generated role adding a tag: the file after equals the
 * file before plus exactly those changes (compared as JSON trees), and the next plan is empty.
 */
@Tag("e2e")
class LocalKeepsEverythingE2E {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void anAccountFileWithEveryGaadFieldKeepsAllButTheAppliedChanges() throws Exception {
    MotoInstall.ensureInstalled();
    ObjectNode before = new GaadFile(IamRulesProxy.model("iam/2010-05-08")).generate();
    Path file = dir.resolve("account.json");
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(before));

    JsonNode role = before.path("RoleDetailList").get(0);
    String roleName = role.path("RoleName").asText();
    JsonNode inline = role.path("RolePolicyList").get(0);
    JsonNode tag = role.path("Tags").get(0);
    String user = before.path("UserDetailList").get(0).path("UserName").asText();
    String group = before.path("GroupDetailList").get(1).path("GroupName").asText();
    Path stack = StackFiles.write(dir.resolve("stack.yaml"), """
        apiVersion: rolectl/v1
        stack: keep
        roles:
          %s:
            path: /gen/
            adopt: true
            trustPolicy: %s
            managedPolicies: [%s]
            permissionsBoundary: %s
            inlinePolicies:
              %s: %s
            tags: {%s: "%s", owner: me}
          newRole:
            trustPolicy: %s
            tags: {team: a}
        policies:
          newPolicy:
            document: %s
            attachTo: {users: [%s], groups: [%s]}
        """.formatted(roleName, GaadFile.TRUST, GaadFile.READ_ONLY, GaadFile.READ_ONLY,
        inline.path("PolicyName").asText(), GaadFile.IDENTITY, tag.path("Key").asText(),
        tag.path("Value").asText(), GaadFile.TRUST, GaadFile.IDENTITY, user, group));

    TestCli.Run apply = TestCli.run(Map.of(), "apply", stack.toString(), "--target",
        "local:" + file, "--auto-approve");
    assertEquals(0, apply.exit(), apply::toString);
    ObjectNode after = (ObjectNode) JSON.readTree(Files.readString(file));

    // the applied changes, taken out of the file after: what remains is the file before
    String policyArn = "arn:aws:iam::" + GaadFile.ACCOUNT + ":policy/newPolicy";
    ObjectNode rest = after.deepCopy();
    JsonNode newRole = take(rest.withArray("RoleDetailList"), "RoleName", "newRole");
    JsonNode newPolicy = take(rest.withArray("Policies"), "PolicyName", "newPolicy");
    JsonNode userAttachment = take((ArrayNode) rest.path("UserDetailList").get(0)
        .path("AttachedManagedPolicies"), "PolicyArn", policyArn);
    JsonNode groupAttachment = take((ArrayNode) rest.path("GroupDetailList").get(1)
        .path("AttachedManagedPolicies"), "PolicyArn", policyArn);
    ObjectNode adopted = (ObjectNode) rest.path("RoleDetailList").get(0);
    Map<String, String> tags = new TreeMap<>();
    adopted.path("Tags").forEach(t -> tags.put(t.path("Key").asText(), t.path("Value").asText()));
    assertEquals(Map.of(tag.path("Key").asText(), tag.path("Value").asText(), "owner", "me",
        "rolectl:stack", "keep"), tags);
    adopted.set("Tags", role.path("Tags"));
    assertEquals(before, rest, () -> "beyond the applied changes the file differs:\n"
        + Diff.of(before, rest));

    assertEquals(JSON.readTree("{\"PolicyName\":\"newPolicy\",\"PolicyArn\":\"" + policyArn
        + "\"}"), userAttachment);
    assertEquals(userAttachment, groupAttachment);
    assertEquals("arn:aws:iam::" + GaadFile.ACCOUNT + ":role/newRole", newRole.path("Arn").asText());
    assertTrue(newRole.path("Tags").toString().contains("\"team\""), newRole::toString);
    assertEquals(policyArn, newPolicy.path("Arn").asText());

    TestCli.Run plan = TestCli.run(Map.of(), "plan", stack.toString(), "--target",
        "local:" + file, "--detailed-exitcode");
    assertEquals(0, plan.exit(), plan::toString);
  }

  /** Removes and returns the element whose {@code field} is {@code value}; fails if none. */
  private static JsonNode take(ArrayNode list, String field, String value) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).path(field).asText().equals(value)) {
        return list.remove(i);
      }
    }
    throw new AssertionError("no " + field + " " + value + " in " + list);
  }

  /** The first paths where two trees differ, for the failure message. */
  static final class Diff {
    static String of(JsonNode a, JsonNode b) {
      StringBuilder out = new StringBuilder();
      diff("", a, b, out);
      return out.length() > 4000 ? out.substring(0, 4000) : out.toString();
    }

    private static void diff(String at, JsonNode a, JsonNode b, StringBuilder out) {
      if (a.equals(b)) {
        return;
      }
      if (a.isObject() && b.isObject()) {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        a.fieldNames().forEachRemaining(keys::add);
        b.fieldNames().forEachRemaining(keys::add);
        keys.forEach(k -> diff(at + "." + k, a.path(k), b.path(k), out));
      } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
        for (int i = 0; i < a.size(); i++) {
          diff(at + "[" + i + "]", a.get(i), b.get(i), out);
        }
      } else {
        out.append(at).append(": ").append(a).append(" -> ").append(b).append('\n');
      }
    }
  }
}
