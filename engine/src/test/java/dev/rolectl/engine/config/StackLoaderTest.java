package dev.rolectl.engine.config;

import dev.rolectl.engine.policy.PolicyParser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.EcsInfrastructure;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.model.StackSettings;
import dev.rolectl.engine.model.Statement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Good stacks load into the expected model records. */
class StackLoaderTest {
  static final String ROLE = "ecsInfrastructureRoleForLoadBalancers";
  static final String ROLE_ARN = "arn:aws:iam::123456789012:role/" + ROLE;

  static Path stacks(String name) throws Exception {
    return Path.of(StackLoaderTest.class.getResource("/stacks/" + name).toURI());
  }

  static Stack load(Path path, LoadOptions options) {
    LoadResult result = StackLoader.load(path, options, PolicyParser::parse);
    assertTrue(result.ok(), () -> result.diagnostics().stream().map(Diagnostic::format)
        .collect(Collectors.joining("\n")));
    return result.stack().orElseThrow();
  }

  @Test
  void theGuidesRoleAndPassRolePolicyLoadIntoTheExpectedRecords() throws Exception {
    Path file = stacks("ecs-guide.yaml");
    Stack stack = load(file, LoadOptions.offline());
    String f = file.toString();

    assertEquals("ecs-platform", stack.name());
    assertNull(stack.account());
    assertEquals(LoadOptions.PLACEHOLDER_ACCOUNT_ID, stack.accountId());
    assertEquals("aws", stack.partition());
    assertEquals(Map.of("team", "platform"), stack.tags());
    assertEquals(StackSettings.defaults(), stack.settings());

    PolicyDocument trust = new PolicyDocument("2012-10-17", null, List.of(new Statement(
        "AllowAccessToECSForInfrastructureManagement", "Allow",
        Principal.of(Map.of("Service", List.of("ecs.amazonaws.com"))), null,
        List.of("sts:AssumeRole"), List.of(), List.of(), List.of(), Map.of())));
    Role role = new Role(Address.role(ROLE), new Location(f, 7, 3), ROLE, "/",
        "Lets ECS manage load balancer resources during blue/green deployments", 3600, trust, null,
        Map.of("team", "platform"), EcsInfrastructure.LOAD_BALANCERS, true, false, Set.of());
    String managedArn =
        "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers";
    RolePolicyAttachment attachment = new RolePolicyAttachment(
        Address.attachment(ROLE, managedArn), new Location(f, 19, 9), ROLE, managedArn,
        Set.of(Address.role(ROLE)));
    PolicyDocument pass = new PolicyDocument("2012-10-17", null, List.of(new Statement(null,
        "Allow", null, null, List.of("iam:PassRole"), List.of(), List.of(ROLE_ARN), List.of(),
        Map.of("StringEquals", Map.of("iam:PassedToService", List.of("ecs.amazonaws.com"))))));
    ManagedPolicy policy = new ManagedPolicy(Address.policy("passEcsInfrastructureRole"),
        new Location(f, 25, 3), "passEcsInfrastructureRole", "/",
        "Lets deployers pass the ECS infrastructure role to ECS only", pass,
        Map.of("team", "platform"), false, Set.of()); // Resource only forms the role's ARN
    PrincipalPolicyAttachment toDeployer = new PrincipalPolicyAttachment(
        Address.principalAttachment("passEcsInfrastructureRole", PrincipalType.USER, "deployer"),
        new Location(f, 35, 15), PrincipalType.USER, "deployer", "passEcsInfrastructureRole",
        "arn:aws:iam::123456789012:policy/passEcsInfrastructureRole",
        Set.of(Address.policy("passEcsInfrastructureRole")));

    assertEquals(List.of(role, attachment, policy, toDeployer), stack.resources());
    assertEquals(new Location(f, 14, 11),
        stack.sourceMap().byPointer().get("/roles/" + ROLE + "/trustPolicy/Statement/0"));
    assertEquals(new Location(f, 32, 11), stack.sourceMap().byPointer().get(
        "/policies/passEcsInfrastructureRole/document/Statement/0/Resource"));
  }

  @Test
  void referencesResolveAndBecomeDependencies() throws Exception {
    Stack stack = load(stacks("refs/stack.yaml"), new LoadOptions(Map.of("env", "prod",
        "team", "ops"), List.of(), LoadOptions.PLACEHOLDER_ACCOUNT_ID, "aws-cn"));
    String deployerArn = "arn:aws-cn:iam::123456789012:role/ci/deployer";
    String workerArn = "arn:aws-cn:iam::123456789012:role/worker";
    String deployArn = "arn:aws-cn:iam::123456789012:policy/app/deploy";
    String boundaryArn = "arn:aws-cn:iam::123456789012:policy/boundaries/boundary";

    Role deployer = (Role) stack.find(Address.role("deployer")).orElseThrow();
    assertEquals("/ci/", deployer.path());
    assertEquals(7200, deployer.maxSessionDuration());
    assertEquals("Deploys prod (account 123456789012); literal ${var.env}",
        deployer.description());
    assertTrue(deployer.adopt(), "YAML 1.1 'yes' is true");
    assertEquals(boundaryArn, deployer.permissionsBoundary());
    assertEquals(Map.of("env", "override", "owner", "platform", "role", "deployer"),
        deployer.tags());
    assertEquals(Set.of(Address.policy("boundary")), deployer.dependsOn());
    Statement trust = deployer.trustPolicy().statements().get(0);
    assertEquals("2012-10-17", deployer.trustPolicy().version(), "unquoted date stays text");
    assertEquals(List.of("arn:aws-cn:iam::123456789012:root"), trust.principal().values("AWS"));
    assertEquals(Map.of("aws:PrincipalTag/team", List.of("${aws:username}")),
        trust.condition().get("StringEquals"), "IAM policy variables are left alone");
    assertEquals(Map.of("aws:MultiFactorAuthAge", List.of("3600")),
        trust.condition().get("NumericLessThan"));

    Role worker = (Role) stack.find(Address.role("worker")).orElseThrow();
    assertEquals(Set.of(), worker.dependsOn(),
        "roles named only in the trust policy are no dependencies (the plan creates such roles in"
            + " two phases), and a role trusting itself does not depend on itself");
    assertEquals(List.of(deployerArn), worker.trustPolicy().statements().get(0).principal()
        .values("AWS"));
    assertEquals(List.of(workerArn), worker.trustPolicy().statements().get(1).principal()
        .values("AWS"));

    assertEquals(Set.of(Address.role("deployer"), Address.policy("deploy")),
        stack.find(Address.attachment("deployer", deployArn)).orElseThrow().dependsOn());
    // a literal ARN in partition aws is not the aws-cn stack policy: no dependency on it
    assertEquals(Set.of(Address.role("deployer")), stack.find(Address.attachment("deployer",
        "arn:aws:iam::123456789012:policy/boundaries/boundary")).orElseThrow().dependsOn());

    InlinePolicy inline = (InlinePolicy) stack.find(Address.inline("deployer", "readWorker"))
        .orElseThrow();
    assertEquals(List.of(workerArn, deployerArn), inline.document().statements().get(0)
        .resource());
    // Resource only forms ARNs: the inline policy waits for its own role alone
    assertEquals(Set.of(Address.role("deployer")), inline.dependsOn());

    ManagedPolicy deploy = (ManagedPolicy) stack.find(Address.policy("deploy")).orElseThrow();
    assertEquals(List.of("arn:aws-cn:s3:::bucket-prod/${aws:username}/*"),
        deploy.document().statements().get(0).resource());
    assertEquals(Set.of(), deploy.dependsOn());
    assertTrue(stack.find(Address.principalAttachment("deploy", PrincipalType.GROUP, "ops"))
        .isPresent(), "attachTo names expand variables");

    assertEquals(new StackSettings(20, List.of("aws:", "cost-"), List.of("eu-west-1",
        "us-east-1")), stack.settings());
  }

  @Test
  void aReferenceMatchesTheDeclaredNameCaseInsensitivelyAsIamDoes(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("stack.yaml");
    java.nio.file.Files.writeString(file, """
        apiVersion: rolectl/v1
        stack: refs
        roles:
          DeployRole:
            trustPolicy: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: ecs.amazonaws.com}, Action: "sts:AssumeRole"}]}
        policies:
          pass:
            description: "Passes ${roles.deployrole.arn}"
            document: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "iam:PassRole", Resource: "${roles.deployrole.arn}"}]}
        """);
    Stack stack = load(file, new LoadOptions(Map.of(), List.of(), "123456789012", "aws"));
    ManagedPolicy pass = (ManagedPolicy) stack.find(Address.policy("pass")).orElseThrow();
    assertEquals(List.of("arn:aws:iam::123456789012:role/DeployRole"),
        pass.document().statements().get(0).resource());
    assertEquals(Set.of(Address.role("DeployRole")), pass.dependsOn());
  }

  @Test
  void aLiteralArnOfAStackPolicyCountsAsAReference() throws Exception {
    Stack stack = load(stacks("refs/stack.yaml"), new LoadOptions(Map.of("env", "prod",
        "team", "ops"), List.of(), LoadOptions.PLACEHOLDER_ACCOUNT_ID, "aws"));
    String literal = "arn:aws:iam::123456789012:policy/boundaries/boundary";
    assertEquals(Set.of(Address.role("deployer"), Address.policy("boundary")),
        stack.find(Address.attachment("deployer", literal)).orElseThrow().dependsOn());
  }

  @Test
  void aDirectoryOfFilesFormsOneStack() throws Exception {
    Path dir = stacks("multi-file");
    Stack stack = load(dir, LoadOptions.offline());
    assertEquals("multi", stack.name());
    assertEquals("111122223333", stack.account());
    assertEquals("111122223333", stack.accountId(), "offline: the pinned account resolves ARNs");
    String policyArn = "arn:aws:iam::111122223333:policy/appAccess";
    List<Address> addresses = stack.resources().stream().map(Resource::address).toList();
    assertEquals(List.of(Address.role("app"), Address.attachment("app", policyArn),
        Address.policy("appAccess")), addresses);
    assertEquals(new Location(dir.resolve("roles.yaml").toString(), 4, 3),
        stack.find(Address.role("app")).orElseThrow().location());
    assertEquals(new Location(dir.resolve("policies.yml").toString(), 5, 3),
        stack.sourceMap().byPointer().get("/policies/appAccess"));
    assertEquals(List.of("arn:aws:sqs:*:111122223333:app-*"), ((ManagedPolicy) stack
        .find(Address.policy("appAccess")).orElseThrow()).document().statements().get(0)
        .resource());
    assertEquals(Map.of("team", "platform"), ((Role) stack.find(Address.role("app"))
        .orElseThrow()).tags());
  }

  @Test
  void aRealAccountIdWinsOverThePlaceholder() throws Exception {
    Stack stack = load(stacks("ecs-guide.yaml"), new LoadOptions(Map.of(), List.of(),
        "999988887777", "aws"));
    assertEquals("999988887777", stack.accountId());
    ManagedPolicy policy = stack.resources(ManagedPolicy.class).findFirst().orElseThrow();
    assertEquals(List.of("arn:aws:iam::999988887777:role/" + ROLE),
        policy.document().statements().get(0).resource());
  }
}
