package dev.rolectl.engine.live.local;

import static dev.rolectl.engine.live.local.LocalInputRulesTest.doc;
import static dev.rolectl.engine.live.local.LocalInputRulesTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.NewPolicy;
import dev.rolectl.engine.live.NewRole;
import dev.rolectl.engine.model.PrincipalType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code local:} target refuses the inputs of docs/iam-rules.md as IAM does (same error
 * codes), so a file never stores what IAM would refuse.
 */
class LocalIamRulesTest {
  @TempDir Path dir;

  static final String ALLOW = "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
      + "\"Resource\":\"*\"}]}";

  IamWriter writer() {
    return new LocalIamWriter(new LocalAccountStore(dir.resolve("account.json")));
  }

  @Test
  void sidCharset() {
    IamWriter w = writer();
    refused("MalformedPolicyDocument", () -> w.createPolicy(new NewPolicy("p", "/", null,
        doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"allow-read\",\"Effect\":"
            + "\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"), Map.of())));
    refused("MalformedPolicyDocument", () -> w.createRole(new NewRole("r", "/", null, 3600,
        doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"decrypt_reports\",\"Effect\":"
            + "\"Allow\",\"Principal\":{\"Service\":\"ecs.amazonaws.com\"},\"Action\":"
            + "\"sts:AssumeRole\"}]}"), null, Map.of())));
    assertEquals(false, Files.exists(dir.resolve("account.json")));
  }

  @Test
  void managedPolicyVersion() {
    IamWriter w = writer();
    refused("MalformedPolicyDocument", () -> w.createPolicy(new NewPolicy("p", "/", null,
        doc("{" + ALLOW), Map.of())));
    refused("MalformedPolicyDocument", () -> w.createPolicy(new NewPolicy("p", "/", null,
        doc("{\"Version\":\"2008-10-17\"," + ALLOW), Map.of())));
    String arn = w.createPolicy(new NewPolicy("p", "/", null,
        doc("{\"Version\":\"2012-10-17\"," + ALLOW), Map.of()));
    refused("MalformedPolicyDocument", () -> w.createPolicyVersion(arn, doc("{" + ALLOW)));
    w.createRole(new NewRole("r", "/", null, 3600, LocalAccountStoreTest.TRUST, null, Map.of()));
    w.putRolePolicy("r", "inline", doc("{" + ALLOW)); // inline policies may omit it
  }

  @Test
  void tagKeysDifferingOnlyInCase() {
    IamWriter w = writer();
    refused("InvalidInput", () -> w.createRole(new NewRole("r", "/", null, 3600,
        LocalAccountStoreTest.TRUST, null, Map.of("Environment", "prod", "environment", "dev"))));
    w.createRole(new NewRole("r", "/", null, 3600, LocalAccountStoreTest.TRUST, null, Map.of()));
    refused("InvalidInput", () -> w.tagRole("r", Map.of("team", "a", "TEAM", "b")));
  }

  @Test
  void reservedPaths() {
    IamWriter w = writer();
    refused("InvalidInput", () -> w.createRole(new NewRole("r", "/aws-service-role/x/", null,
        3600, LocalAccountStoreTest.TRUST, null, Map.of())));
    refused("InvalidInput", () -> w.createRole(new NewRole("r", "/aws-reserved/sso.amazonaws.com/",
        null, 3600, LocalAccountStoreTest.TRUST, null, Map.of())));
  }

  @Test
  void awsOwnedRolesAreUnmodifiable() throws Exception {
    Path file = dir.resolve("account.json");
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
        + "{\"Service\":\"sso.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    Files.writeString(file, "{\"RoleDetailList\":[{\"RoleName\":\"AWSReservedSSO_A_1\",\"Path\":"
        + "\"/aws-reserved/sso.amazonaws.com/\",\"AssumeRolePolicyDocument\":" + trust + "},"
        + "{\"RoleName\":\"AWSServiceRoleForECS\",\"Path\":\"/aws-service-role/ecs.amazonaws.com/\","
        + "\"AssumeRolePolicyDocument\":" + trust + "}]}");
    String before = Files.readString(file);
    IamWriter w = writer();
    for (String role : new String[] {"AWSReservedSSO_A_1", "AWSServiceRoleForECS"}) {
      refused("UnmodifiableEntity", () -> w.updateRole(role, "x", 3600));
      refused("UnmodifiableEntity", () -> w.updateAssumeRolePolicy(role,
          LocalAccountStoreTest.TRUST));
      refused("UnmodifiableEntity", () -> w.putRolePolicy(role, "p", doc("{" + ALLOW)));
      refused("UnmodifiableEntity", () -> w.attachPolicy(PrincipalType.ROLE, role,
          "arn:aws:iam::aws:policy/ReadOnlyAccess"));
      refused("UnmodifiableEntity", () -> w.deleteRole(role));
    }
    refused("UnmodifiableEntity", () -> w.tagRole("AWSReservedSSO_A_1", Map.of("a", "b")));
    assertEquals(before, Files.readString(file), "nothing was stored");
  }

  @Test
  void valuesOutsideTheApiModel() {
    IamWriter w = writer();
    refused("ValidationError", () -> w.createPolicy(new NewPolicy("p", "/", "d".repeat(1001),
        doc("{\"Version\":\"2012-10-17\"," + ALLOW), Map.of())));
    w.createRole(new NewRole("r", "/", null, 3600, LocalAccountStoreTest.TRUST, null, Map.of()));
    refused("ValidationError", () -> w.putRolePermissionsBoundary("r", "arn:aws:iam::a"));
  }
}
