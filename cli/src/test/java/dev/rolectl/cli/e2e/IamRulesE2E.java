package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.NewPolicy;
import dev.rolectl.engine.live.NewRole;
import dev.rolectl.engine.live.local.LocalAccountStore;
import dev.rolectl.engine.live.local.LocalIamWriter;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.policy.PolicyParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

/**
 * docs/iam-rules.md, rule by rule: the same input is refused by {@code validate} (at its
 * file:line:col, with the rule's id), by the {@code local:} target (IAM's error code) and by the
 * IAM stand-in on loopback ({@link IamRulesProxy} in front of moto, which stands in for IAM's
 * rules that moto lacks, with error shapes from botocore's model). Then IAM's eventual
 * consistency: a boundary policy created in the same apply, with 5 s of NoSuchEntity from the
 * stand-in; and a boundary that names its own role.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class IamRulesE2E {
  static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"ecs.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String ROLE = """
      roles:
        app:
          trustPolicy:
            Version: "2012-10-17"
            Statement:
              - {Effect: Allow, Principal: {Service: ecs.amazonaws.com}, Action: sts:AssumeRole}
      """;

  private IamRulesProxy proxy;
  private IamClient standIn;
  @TempDir Path dir;

  @BeforeEach
  void proxy(Moto moto) throws java.io.IOException {
    proxy = new IamRulesProxy(moto);
    standIn = IamClient.builder().endpointOverride(proxy.endpoint())
        .region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
            .create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                Moto.ACCESS_KEY_ID, Moto.SECRET_ACCESS_KEY)))
        .build();
  }

  @AfterEach
  void close() {
    standIn.close();
    proxy.close();
  }

  /** validate refuses the stack with the rule id at FILE:LINE:COL. */
  void validateRefuses(String yaml, String rule, int line, int col) {
    Path stack = StackFiles.write(dir.resolve("stack.yaml"), "apiVersion: rolectl/v1\nstack: s\n"
        + yaml);
    TestCli.Run r = TestCli.run(Map.of(), "validate", stack.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("stack.yaml:" + line + ":" + col + ": error[" + rule + "]"),
        r::toString);
  }

  /** The local target refuses the call with IAM's error code, and stores nothing. */
  void localRefuses(String code, Consumer<IamWriter> call) throws Exception {
    Path file = dir.resolve("account.json");
    Files.deleteIfExists(file);
    IamWriter w = new LocalIamWriter(new LocalAccountStore(file));
    w.createRole(new NewRole("existing", "/", null, 3600, doc(TRUST), null, Map.of()));
    String before = Files.readString(file);
    IamWriteException e = assertThrows(IamWriteException.class, () -> call.accept(w));
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(before, Files.readString(file));
  }

  /** The stand-in refuses the call with IAM's error code. */
  void standInRefuses(String code, Consumer<IamClient> call) {
    IamException e = assertThrows(IamException.class, () -> call.accept(standIn));
    assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
  }

  static PolicyDocument doc(String json) {
    return PolicyParser.parseJson(json).document().orElseThrow();
  }

  @Test
  void sidCharset() throws Exception {
    validateRefuses(ROLE + """
            inlinePolicies:
              read:
                Version: "2012-10-17"
                Statement:
                  - Sid: allow-read-reports
                    Effect: Allow
                    Action: s3:GetObject
                    Resource: "*"
        """, "sid-charset", 13, 13);
    String bad = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"decrypt_reports\","
        + "\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}";
    localRefuses("MalformedPolicyDocument", w -> w.putRolePolicy("existing", "p", doc(bad)));
    standInRefuses("MalformedPolicyDocument",
        iam -> iam.createPolicy(b -> b.policyName("p").policyDocument(bad)));
  }

  @Test
  void managedPolicyVersion() throws Exception {
    validateRefuses("""
        policies:
          p:
            document:
              Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]
        """, "managed-policy-version", 5, 5);
    String old = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
        + "\"s3:GetObject\",\"Resource\":\"*\"}]}";
    localRefuses("MalformedPolicyDocument", w -> w.createPolicy(new NewPolicy("p", "/", null,
        doc(old), Map.of())));
    standInRefuses("MalformedPolicyDocument",
        iam -> iam.createPolicy(b -> b.policyName("p").policyDocument(old)));
  }

  @Test
  void tagKeysUniqueCaseInsensitivelyAfterMergingDefaults() throws Exception {
    validateRefuses("tags: {Environment: prod}\n" + ROLE + "    tags: {environment: dev}\n",
        "stack", 10, 12);
    Map<String, String> both = Map.of("Environment", "prod", "environment", "dev");
    localRefuses("InvalidInput", w -> w.tagRole("existing", both));
    standIn.createRole(b -> b.roleName("existing").assumeRolePolicyDocument(TRUST));
    standInRefuses("InvalidInput", iam -> iam.tagRole(b -> b.roleName("existing").tags(
        t -> t.key("Environment").value("prod"), t -> t.key("environment").value("dev"))));
  }

  @Test
  void reservedPaths() throws Exception {
    for (String path : List.of("/aws-service-role/ecs.amazonaws.com/",
        "/aws-reserved/sso.amazonaws.com/")) {
      validateRefuses(ROLE + "    path: " + path + "\n", "reserved-path", 9, 5);
      localRefuses("InvalidInput", w -> w.createRole(new NewRole("r", path, null, 3600,
          doc(TRUST), null, Map.of())));
      standInRefuses("InvalidInput", iam -> iam.createRole(b -> b.roleName("r").path(path)
          .assumeRolePolicyDocument(TRUST)));
    }
  }

  @Test
  void valuesOutsideIamsApiModel() throws Exception {
    String user = "u".repeat(65);
    validateRefuses("""
        policies:
          p:
            document:
              Version: "2012-10-17"
              Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]
            attachTo: {users: [%s]}
        """.formatted(user), "iam-api-input", 8, 24);
    localRefuses("ValidationError", w -> w.attachPolicy(PrincipalType.USER, user,
        "arn:aws:iam::aws:policy/ReadOnlyAccess"));
    standInRefuses("ValidationError", iam -> iam.attachUserPolicy(b -> b.userName(user)
        .policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess")));
    standInRefuses("ValidationError", iam -> iam.createRole(b -> b.roleName("r")
        .maxSessionDuration(60).assumeRolePolicyDocument(TRUST)));
  }

  static final String BOUNDED = """
      apiVersion: rolectl/v1
      stack: bounded
      roles:
        app:
          trustPolicy:
            Version: "2012-10-17"
            Statement:
              - {Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: sts:AssumeRole}
          permissionsBoundary: ${policies.appBoundary.arn}
      policies:
        appBoundary:
          document:
            Version: "2012-10-17"
            Statement:
              - {Effect: Allow, Action: "s3:GetObject", Resource: "*"}
      """;

  @Test
  void aBoundaryCreatedInTheSameApplyIsWaitedForThroughFiveSecondsOfLag() {
    proxy.lag(Duration.ofSeconds(5));
    Path stack = StackFiles.write(dir.resolve("stack.yaml"), BOUNDED);
    long start = System.nanoTime();
    TestCli.Run apply = TestCli.run(proxy.env(), "apply", stack.toString(), "--target", "aws",
        "--auto-approve");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals(0, apply.exit(), apply::toString);
    assertTrue(took.compareTo(Duration.ofSeconds(5)) >= 0, "waited out the lag: " + took);
    assertTrue(apply.out().contains("IAM does not know the role or policy yet")
        || apply.err().contains("IAM does not know the role or policy yet"), apply::toString);
    assertTrue(proxy.calls().stream().filter(c -> c.startsWith("CreateRole")).count() > 1,
        proxy.calls()::toString);
    TestCli.Run plan = TestCli.run(proxy.env(), "plan", stack.toString(), "--target", "aws",
        "--detailed-exitcode");
    assertEquals(0, plan.exit(), plan::toString);
  }

  @Test
  void aBoundaryNamingItsOwnRoleValidatesAppliesAndPlansEmpty() {
    Path stack = StackFiles.write(dir.resolve("stack.yaml"), BOUNDED.replace(
        "              - {Effect: Allow, Action: \"s3:GetObject\", Resource: \"*\"}\n",
        "              - {Effect: Allow, Action: \"s3:GetObject\", Resource: \"*\"}\n"
            + "              - Effect: Deny\n"
            + "                Action: iam:*\n"
            + "                Resource: ${roles.app.arn}\n"
            + "                Condition: {StringNotEquals: {aws:PrincipalArn: \"${roles.app.arn}\"}}\n"));
    TestCli.Run validate = TestCli.run(Map.of(), "validate", stack.toString());
    assertEquals(0, validate.exit(), validate::toString);
    TestCli.Run apply = TestCli.run(proxy.env(), "apply", stack.toString(), "--target", "aws",
        "--auto-approve");
    assertEquals(0, apply.exit(), apply::toString);
    TestCli.Run plan = TestCli.run(proxy.env(), "plan", stack.toString(), "--target", "aws",
        "--detailed-exitcode");
    assertEquals(0, plan.exit(), plan::toString);
  }
}
