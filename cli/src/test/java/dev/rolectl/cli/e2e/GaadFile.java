package dev.rolectl.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * An account file with every field of GetAccountAuthorizationDetails' answer filled, generated
 * from botocore's model of IAM at test time (never copied): every member of every structure of
 * the answer's shape (users, groups, roles, policies, instance profiles with their roles, inline
 * policies, tags, memberships, ids, dates, counts, markers), two entries in each top-level list,
 * plus an unknown field in every structure. Values follow each member's shape (pattern, range,
 * enum; documents are URL-encoded policy JSON, as IAM answers). A few fix-ups make the entries
 * consistent the way IAM's are (a customer policy's ARN names it, its default version exists) and
 * add an AWS managed policy.
 */
final class GaadFile {
  static final String ACCOUNT = Moto.ACCOUNT_ID;
  static final String UNKNOWN = "XRolectlUnknownField";
  static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String IDENTITY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
  static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

  private final JsonNode model;
  private final ObjectMapper json = new ObjectMapper();
  private int n;

  GaadFile(JsonNode model) {
    this.model = model;
  }

  /** The generated file's tree. */
  ObjectNode generate() {
    String shape = model.path("operations").path("GetAccountAuthorizationDetails")
        .path("output").path("shape").asText();
    ObjectNode root = (ObjectNode) value(shape, "", 0);
    fixUp(root);
    return root;
  }

  private JsonNode value(String shapeName, String member, int depth) {
    JsonNode shape = model.path("shapes").path(shapeName);
    switch (shape.path("type").asText()) {
      case "structure": {
        ObjectNode o = json.createObjectNode();
        shape.path("members").fields().forEachRemaining(m ->
            o.set(m.getKey(), value(m.getValue().path("shape").asText(), m.getKey(), depth + 1)));
        o.put(UNKNOWN, "kept as written " + (++n));
        return o;
      }
      case "list": {
        ArrayNode a = json.createArrayNode();
        for (int i = 0; i < (depth == 1 ? 2 : 1); i++) {
          a.add(value(shape.path("member").path("shape").asText(), member, depth + 1));
        }
        return a;
      }
      case "timestamp":
        return json.getNodeFactory().textNode("2024-01-0" + (1 + n++ % 9) + "T03:04:05+00:00");
      case "boolean":
        return json.getNodeFactory().booleanNode(true);
      case "integer":
        return json.getNodeFactory().numberNode(shape.has("min") ? shape.path("min").asInt()
            : 1 + n++ % 7);
      default:
        return json.getNodeFactory().textNode(string(shapeName, shape, member));
    }
  }

  private String string(String shapeName, JsonNode shape, String member) {
    if (shape.has("enum")) {
      return shape.path("enum").get(0).asText();
    }
    int i = ++n;
    return switch (shapeName) {
      case "policyDocumentType" -> URLEncoder.encode(member.equals("AssumeRolePolicyDocument")
          ? TRUST : IDENTITY, StandardCharsets.UTF_8).replace("+", "%20");
      case "pathType", "policyPathType" -> "/gen/";
      case "idType" -> "AIDAGENERATED" + String.format("%08d", i);
      case "policyVersionIdType" -> "v1";
      case "arnType" -> "arn:aws:iam::" + ACCOUNT + ":" + member.toLowerCase() + "/gen/x" + i;
      case "tagKeyType" -> "key" + i;
      case "tagValueType" -> "value " + i;
      case "stringType" -> "eu-west-1";
      default -> shapeName.replace("Type", "") + i;
    };
  }

  /** Consistency as IAM has it: customer policies' ARNs and versions; an AWS managed policy. */
  private void fixUp(ObjectNode root) {
    for (JsonNode p : root.path("Policies")) {
      ((ObjectNode) p).put("Arn", "arn:aws:iam::" + ACCOUNT + ":policy/gen/"
          + p.path("PolicyName").asText());
      ((ObjectNode) p).put("DefaultVersionId", "v1");
    }
    ObjectNode aws = root.withArray("Policies").get(0).deepCopy();
    aws.put("PolicyName", "ReadOnlyAccess").put("Arn", READ_ONLY).put("Path", "/");
    root.withArray("Policies").add(aws);
    for (JsonNode r : root.path("RoleDetailList")) {
      ((ObjectNode) r).put("Arn", "arn:aws:iam::" + ACCOUNT + ":role/gen/"
          + r.path("RoleName").asText());
    }
    ObjectNode first = (ObjectNode) root.path("RoleDetailList").get(0);
    ((ObjectNode) first.path("AttachedManagedPolicies").get(0)).put("PolicyName", "ReadOnlyAccess")
        .put("PolicyArn", READ_ONLY);
    ((ObjectNode) first.path("PermissionsBoundary")).put("PermissionsBoundaryArn", READ_ONLY);
  }
}
