package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.cli.TestCli;
import dev.rolectl.engine.live.LiveAccount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The account and stack of issue 16's saved-plan tests, on moto with {@code
 * MOTO_ECS_SERVICE_RUNNING=0} (the ECS service {@code web} deploys the whole time): the AWS
 * guide's infrastructure role in use by that deployment ({@link EcsSeed}), a protected role
 * {@code keeper}, a role {@code app} with an inline policy, a role {@code old} that the stack no
 * longer declares, the customer policy {@code deploy-pass} attached to user {@code deployer}. The
 * stack's plan makes every kind of change that may go ahead during the deployment: a tag on the
 * infrastructure role, a narrower {@code deploy-pass}, a new inline document for {@code app}, a
 * new role {@code worker} with a managed and an inline policy, {@code old} deleted, no-ops for the
 * rest (the protected role among them).
 */
final class SavedPlanScenario {
  static final String STACK = EcsSeed.STACK;
  static final String TASKS_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
      + "\"Allow\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":"
      + "\"sts:AssumeRole\"}]}";
  /**
   * The trust of {@code old}: a role ECS tasks do not assume, so that its delete may go ahead while
   * the services deploy (moto does not say which roles the revisions a deployment replaces name,
   * so deleting a role ECS tasks may assume is blocked then: {@code EcsTaskRolesE2E}).
   */
  static final String LAMBDA_TRUST = TASKS_TRUST.replace("ecs-tasks", "lambda");
  static final String PASS_ANY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"iam:PassRole\",\"Resource\":\"*\"}]}";
  static final String QUEUE_A = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":[\"sqs:SendMessage\",\"sqs:ReceiveMessage\"],\"Resource\":\"*\"}]}";
  static final String DEPLOY_PASS = "arn:aws:iam::" + Moto.ACCOUNT_ID + ":policy/deploy-pass";

  private SavedPlanScenario() {}

  /** Puts the account as the stack's plan expects it into moto (reset first by the extension). */
  static void seed(Moto moto) {
    EcsSeed.create(moto);
    try (IamClient iam = moto.iam()) {
      iam.createUser(r -> r.userName("deployer"));
      iam.createRole(r -> r.roleName("keeper").assumeRolePolicyDocument(TASKS_TRUST)
          .tags(tag("rolectl:stack", STACK), tag("rolectl:protect", "true")));
      iam.createRole(r -> r.roleName("old").assumeRolePolicyDocument(LAMBDA_TRUST)
          .tags(tag("rolectl:stack", STACK)));
      iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(TASKS_TRUST)
          .tags(tag("rolectl:stack", STACK)));
      iam.putRolePolicy(r -> r.roleName("app").policyName("queue").policyDocument(QUEUE_A));
      iam.createPolicy(r -> r.policyName("deploy-pass").policyDocument(PASS_ANY)
          .tags(tag("rolectl:stack", STACK)));
      iam.attachUserPolicy(r -> r.userName("deployer").policyArn(DEPLOY_PASS));
    }
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  /** The stack (YAML) whose plan the tests save and edit. */
  static Path stack(Path dir) {
    return StackFiles.write(dir.resolve("stack.yaml"), "apiVersion: rolectl/v1\nstack: " + STACK
        + "\nroles:\n"
        + "  " + EcsSeed.ROLE + ":\n"
        + "    trustPolicy:\n"
        + "      Version: \"2012-10-17\"\n"
        + "      Statement:\n"
        + "        - Sid: AllowAccessToECSForInfrastructureManagement\n"
        + "          Effect: Allow\n"
        + "          Principal: {Service: ecs.amazonaws.com}\n"
        + "          Action: sts:AssumeRole\n"
        + "    managedPolicies: [" + InterlockStacks.POLICY + "]\n"
        + "    ecsInfrastructure: loadBalancers\n"
        + "    tags: {team: platform}\n"
        + "  keeper:\n"
        + "    protect: true\n"
        + "    trustPolicy: " + TASKS_TRUST + "\n"
        + "  app:\n"
        + "    trustPolicy: " + TASKS_TRUST + "\n"
        + "    inlinePolicies:\n"
        + "      queue: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: sqs:SendMessage,"
        + " Resource: \"*\"}]}\n"
        + "  worker:\n"
        + "    trustPolicy: " + TASKS_TRUST + "\n"
        + "    managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n"
        + "    inlinePolicies:\n"
        + "      logs: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Action:"
        + " logs:PutLogEvents, Resource: \"*\"}]}\n"
        + "policies:\n"
        + "  deploy-pass:\n"
        + "    document:\n"
        + "      Version: \"2012-10-17\"\n"
        + "      Statement:\n"
        + "        - Effect: Allow\n"
        + "          Action: iam:PassRole\n"
        + "          Resource: ${roles." + EcsSeed.ROLE + ".arn}\n"
        + "          Condition: {StringEquals: {iam:PassedToService: ecs.amazonaws.com}}\n"
        + "    attachTo: {users: [deployer]}\n");
  }

  /** Everything moto holds for the account, read through the adapter (locks left out). */
  static LiveAccount read(Moto moto) {
    return Side.moto(moto).read();
  }

  /** {@code plan STACK --out FILE} through the proxy; the plan must be saved (exit 0). */
  static Path plan(IamRulesProxy proxy, Path stack, Path out, Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>(proxy.env());
    env.putAll(extraEnv);
    TestCli.Run r = TestCli.run(env, "plan", stack.toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r::toString);
    return out;
  }

  /** The IAM write calls the proxy saw, the apply lock's own aside. */
  static List<String> writes(IamRulesProxy proxy) {
    List<String> out = new ArrayList<>();
    for (String call : proxy.calls()) {
      boolean read = call.startsWith("Get") || call.startsWith("List");
      if (!read && !call.contains("rolectl-lock")) {
        out.add(call);
      }
    }
    return out;
  }
}
