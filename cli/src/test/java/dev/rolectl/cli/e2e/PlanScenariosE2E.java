package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.CliRun;
import dev.rolectl.cli.RepoFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plan scenarios of the live-plan issue, each run through the real CLI against a real moto
 * server and against a {@code local:} account file seeded the same way: both must print the same
 * plan (that is how {@code local} is kept honest).
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class PlanScenariosE2E {
  static final String GUIDE_ROLE = "ecsInfrastructureRoleForLoadBalancers";
  static final String GUIDE_POLICY =
      "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers";
  static final String GUIDE_TRUST = AwsAdapterE2E.GUIDE_TRUST;
  static final Map<String, String> OWNED = Map.of("rolectl:stack", "scenario");

  static final String STACK =
      String.join(
          "\n",
          "apiVersion: rolectl/v1",
          "stack: scenario",
          "roles:",
          "  " + GUIDE_ROLE + ":",
          "    trustPolicy:",
          "      Version: \"2012-10-17\"",
          "      Statement:",
          "        - Sid: AllowAccessToECSForInfrastructureManagement",
          "          Effect: Allow",
          "          Principal: {Service: ecs.amazonaws.com}",
          "          Action: sts:AssumeRole",
          "    managedPolicies: [" + GUIDE_POLICY + "]",
          "    ecsInfrastructure: loadBalancers",
          "  app-task:",
          "    trustPolicy:",
          "      Version: \"2012-10-17\"",
          "      Statement:",
          "        - Effect: Allow",
          "          Principal: {Service: ecs-tasks.amazonaws.com}",
          "          Action: sts:AssumeRole",
          "        - Effect: Allow",
          "          Principal: {AWS: arn:aws:iam::123456789012:root}",
          "          Action: [sts:AssumeRole, sts:TagSession]",
          "          Condition: {StringEquals: {aws:PrincipalTag/team: app}}",
          "    tags: {team: app}",
          "    inlinePolicies:",
          "      queue:",
          "        Version: \"2012-10-17\"",
          "        Statement:",
          "          - Effect: Allow",
          "            Action: [sqs:ReceiveMessage, sqs:DeleteMessage]",
          "            Resource: arn:aws:sqs:us-east-1:123456789012:jobs",
          "");

  /** The scenario stack's roles as they would be after an apply, but written differently. */
  static void seedEquivalent(OutOfBand oob) {
    oob.createRole(GUIDE_ROLE, "/",
        "{\"Statement\":{\"Action\":[\"sts:AssumeRole\"],\"Principal\":{\"Service\":[\"ecs.amazonaws.com\"]},"
            + "\"Effect\":\"allow\",\"Sid\":\"AllowAccessToECSForInfrastructureManagement\"},\"Version\":\"2012-10-17\"}",
        OWNED);
    oob.attachRolePolicy(GUIDE_ROLE, GUIDE_POLICY);
    oob.createRole("app-task", "/",
        "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":[\"sts:TagSession\",\"sts:AssumeRole\"],\"Principal\":{\"AWS\":\"123456789012\"},"
            + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":[\"app\"]}}},"
            + "{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"}}]}",
        Map.of("rolectl:stack", "scenario", "team", "app"));
    oob.putRolePolicy("app-task", "queue",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Resource\":[\"arn:aws:sqs:us-east-1:123456789012:jobs\"],"
            + "\"Action\":[\"sqs:DeleteMessage\",\"sqs:ReceiveMessage\"],\"Effect\":\"Allow\"}]}");
  }

  @TempDir Path dir;

  /** The plan printed on both targets, which must be the same. */
  private CliRun planOnBoth(Moto moto, Path stack, Consumer<OutOfBand> seed, String... extra) {
    try (SdkOutOfBand sdk = new SdkOutOfBand(moto)) {
      seed.accept(sdk);
    }
    seed.accept(new FileOutOfBand(dir.resolve("account.json")));
    CliRun onAws = RolectlProcess.run(dir, moto.env(), args(stack, "aws", extra));
    CliRun onLocal = RolectlProcess.run(dir, Map.of(), args(stack, "local:account.json", extra));
    assertEquals(onAws.exitCode(), onLocal.exitCode(), () -> "aws: " + onAws + "\nlocal: " + onLocal);
    assertEquals(sameRegions(withoutHeader(onAws.out())), sameRegions(withoutHeader(onLocal.out())),
        "moto and local: plan differently");
    assertEquals(onAws.err().replace("target aws", "target X"), onLocal.err().replace("target local:account.json", "target X"));
    return onAws;
  }

  private static String[] args(Path stack, String target, String... extra) {
    List<String> a = new ArrayList<>(List.of("plan", stack.toString(), "--target", target, "--detailed-exitcode"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  /**
   * The plan with the regions a verdict says were scanned left out: moto lists its 38 enabled
   * regions, an account file without an ecs section none; the verdicts must agree otherwise.
   */
  private static String sameRegions(String out) {
    return out.replaceAll(" in \\d+ regions \\([^)]*\\)", "")
        .replaceAll(" in [a-z]{2}(-gov)?-[a-z]+-\\d(, [a-z]{2}(-gov)?-[a-z]+-\\d)*", "");
  }

  private static String withoutHeader(String out) {
    int nl = out.indexOf('\n');
    return nl < 0 ? out : out.substring(nl + 1);
  }

  private Path stack(String yaml) throws IOException {
    Path p = dir.resolve("stack.yaml");
    Files.writeString(p, yaml, StandardCharsets.UTF_8);
    return p;
  }

  static Stream<Path> examples() {
    return RepoFiles.exampleDirs().stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void emptyAccountPlansOnlyCreates(Path example, Moto moto) {
    List<String> extra = new ArrayList<>();
    RepoFiles.varFiles(example).forEach(f -> extra.addAll(List.of("--var-file", f.toString())));

    CliRun run = planOnBoth(moto, example, oob -> {}, extra.toArray(String[]::new));

    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.out().contains(" to create, 0 to update, 0 to replace, 0 to delete, 0 to adopt; 0 unchanged."), run::toString);
  }

  @Test
  void roleCreatedOutOfBandAsTheGuideDoesIsAdoptedWithNoOtherChange(Moto moto) throws IOException {
    String yaml =
        STACK.substring(0, STACK.indexOf("  app-task:"))
            .replace("    ecsInfrastructure: loadBalancers", "    ecsInfrastructure: loadBalancers\n    adopt: true");

    CliRun run =
        planOnBoth(moto, stack(yaml), oob -> {
          oob.createRole(GUIDE_ROLE, "/", GUIDE_TRUST, Map.of());
          oob.attachRolePolicy(GUIDE_ROLE, GUIDE_POLICY);
        });

    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.out().contains("Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 1 to adopt; 1 unchanged."), run::toString);
    assertTrue(run.out().contains("+ tags.rolectl:stack = \"scenario\"\n    }"), "the ownership tag is the only change: " + run);
  }

  @Test
  void samePoliciesWrittenDifferentlyPlanNoChange(Moto moto) throws IOException {
    CliRun run = planOnBoth(moto, stack(STACK), PlanScenariosE2E::seedEquivalent);

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("No changes."), run::toString);
  }

  @Test
  void driftIsPlannedAsUpdatesWithAttributeDiffs(Moto moto) throws IOException {
    CliRun run =
        planOnBoth(moto, stack(STACK), oob -> {
          seedEquivalent(oob);
          oob.updateAssumeRolePolicy(GUIDE_ROLE,
              "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");
          oob.attachRolePolicy("app-task", "arn:aws:iam::aws:policy/ReadOnlyAccess");
          oob.putRolePolicy("app-task", "debug",
              "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
          oob.tagRole("app-task", Map.of("team", "other"));
        });

    assertEquals(2, run.exitCode(), run::toString);
    String out = run.out();
    assertTrue(out.contains("Plan: 0 to create, 2 to update, 0 to replace, 2 to delete, 0 to adopt;"), out);
    assertTrue(out.contains("- Allow sts:AssumeRole for Service: ec2.amazonaws.com"), out);
    assertTrue(out.contains("+ Allow sts:AssumeRole for Service: ecs.amazonaws.com (Sid AllowAccessToECSForInfrastructureManagement)"), out);
    assertTrue(out.contains("~ tags.team = \"other\" -> \"app\""), out);
    assertTrue(out.contains("# roles.app-task.inlinePolicies.debug will be deleted"), out);
    assertTrue(out.contains("# roles.app-task.managedPolicies[\"arn:aws:iam::aws:policy/ReadOnlyAccess\"] will be deleted"), out);
  }

  @Test
  void roleRemovedFromTheStackIsDeleted(Moto moto) throws IOException {
    String withoutApp = STACK.substring(0, STACK.indexOf("  app-task:"));

    CliRun run = planOnBoth(moto, stack(withoutApp), PlanScenariosE2E::seedEquivalent);

    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.out().contains("# roles.app-task will be deleted"), run::toString);
    assertTrue(run.out().contains("# roles.app-task.inlinePolicies.queue will be deleted"), run::toString);
    assertTrue(run.out().contains("Plan: 0 to create, 0 to update, 0 to replace, 2 to delete, 0 to adopt; 2 unchanged."), run::toString);
  }

  @Test
  void pathChangeIsAReplace(Moto moto) throws IOException {
    String moved = STACK.replace("  app-task:\n", "  app-task:\n    path: /apps/\n");

    CliRun run = planOnBoth(moto, stack(moved), PlanScenariosE2E::seedEquivalent);

    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.out().contains("# roles.app-task must be replaced"), run::toString);
    assertTrue(run.out().contains("its path changes from / to /apps/ and IAM cannot move a role"), run::toString);
  }

  @Test
  void untaggedRoleWithADeclaredNameIsRefused(Moto moto) throws IOException {
    CliRun run =
        planOnBoth(moto, stack(STACK), oob -> oob.createRole("app-task", "/", GUIDE_TRUST, Map.of()));

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("error[not-managed]: roles.app-task: it exists in the account but rolectl does not manage it"), run::toString);
    assertTrue(run.err().contains("adopt: true"), run::toString);
    assertEquals("", run.out());
  }
}
