package dev.rolectl.engine.live.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.NewPolicy;
import dev.rolectl.engine.live.NewRole;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.policy.PolicyParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The local target refuses what IAM's API refuses (issue 10, cases 6, 7 and 8). */
class LocalInputRulesTest {
  @TempDir Path dir;

  static void refused(String code, Executable call) {
    IamWriteException e = assertThrows(IamWriteException.class, call);
    assertEquals(code, e.code(), e.getMessage());
  }

  static PolicyDocument doc(String json) {
    return PolicyParser.parseJson(json).document().orElseThrow();
  }

  @Test
  void refusesWhatIamRefuses() {
    Path file = dir.resolve("account.json");
    IamWriter w = new LocalIamWriter(new LocalAccountStore(file));
    refused("ValidationError", () -> w.createRole(new NewRole("r", "/",
        "Runs nightly batch jobs \u2014 owned by the data team", 3600, LocalAccountStoreTest.TRUST,
        null, Map.of())));
    refused("ValidationError", () -> w.createRole(new NewRole("r r", "/", null, 3600,
        LocalAccountStoreTest.TRUST, null, Map.of())));
    refused("ValidationError", () -> w.createRole(new NewRole("r", "/a", null, 3600,
        LocalAccountStoreTest.TRUST, null, Map.of())));
    refused("ValidationError", () -> w.createRole(new NewRole("r", "/", null, 3600,
        LocalAccountStoreTest.TRUST, null, Map.of("team", "data\u2014x"))));
    refused("ValidationError", () -> w.createPolicy(new NewPolicy("p", "/a b/", null,
        doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
            + "\"Resource\":\"*\"}]}"), Map.of())));
    assertFalse(Files.exists(file), "nothing was stored");

    w.createRole(new NewRole("r", "/", "Caf\u00e9 batch - data team", 3600,
        LocalAccountStoreTest.TRUST, null, Map.of()));
    refused("MalformedPolicyDocument", () -> w.putRolePolicy("r", "p", doc("{\"Version\":"
        + "\"2012-10-17\",\"Statement\":[{\"Sid\":\"\u30d0\u30b1\u30c3\u30c8\",\"Effect\":\"Allow\","
        + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}")));
    refused("NoSuchEntity", () -> w.attachPolicy(PrincipalType.ROLE, "r",
        "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole"));
    refused("PolicyNotAttachable", () -> w.attachPolicy(PrincipalType.ROLE, "r",
        "arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy"));
    w.attachPolicy(PrincipalType.ROLE, "r",
        "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    assertTrue(new LocalAccountStore(file).load().account().roles().get("r").attachedPolicyArns()
        .contains("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
  }
}
