package dev.rolectl.cli.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training runs the launcher makes its CDS archives from, each in a fresh JVM (as the
 * launcher runs them) with {@code -Xlog:class+load}: what they load is what the archive holds.
 */
class CdsTrainingTest {
  @TempDir Path dir;

  private record Run(int exit, String output, String classes) {}

  private Run train(String... args) throws Exception {
    Path log = dir.resolve("classes.log");
    Path output = dir.resolve("output.txt");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:off", "-XX:TieredStopAtLevel=1",
        "-Xlog:class+load=info:file=" + log,
        "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
        "-cp", System.getProperty("java.class.path"),
        CdsTraining.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    // What the training must not depend on: AWS settings of the environment it runs in.
    pb.environment().put("AWS_ENDPOINT_URL", "https://iam.amazonaws.com");
    pb.environment().put("AWS_PROFILE", "no-such-profile");
    pb.environment().put("AWS_REGION", "eu-west-1");
    Process p = pb.start();
    assertTrue(p.waitFor(CdsTraining.DEADLINE_SECONDS + 30, TimeUnit.SECONDS), "the training did not end");
    String classes = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    return new Run(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8), classes);
  }

  @Test
  void awsProfileRunsEveryCommandAgainstTheLoopbackEndpointAndLoadsTheSdkRequestPath() throws Exception {
    Run run = train("aws");
    String out = run.output();
    assertEquals(0, run.exit(), out);
    for (String command : List.of("validate", "graph", "plan", "show", "apply")) {
      assertTrue(out.contains("rolectl " + command + ": exit 0"), command + ":\n" + out);
    }
    assertEquals(2, out.lines().filter(l -> l.startsWith("rolectl plan: exit 0")).count(), out);
    // The plan read the account and ran the ECS scan (the stack deletes an ECS-assumable role);
    // the apply wrote through the apply lock, created, tagged and deleted.
    for (String call : List.of("sts:GetCallerIdentity", "iam:GetAccountAuthorizationDetails", "iam:ListRoles",
        "iam:ListPolicyTags", "iam:GetPolicy", "ec2:DescribeRegions", "ecs:ListClusters", "ecs:DescribeServices",
        "ecs:ListServiceDeployments", "iam:CreatePolicy", "iam:CreateRole", "iam:TagRole", "iam:PutRolePolicy",
        "iam:AttachUserPolicy", "iam:DetachRolePolicy", "iam:DeleteRole", "iam:DeletePolicy")) {
      assertTrue(out.contains(call), call + " was not called:\n" + out);
    }
    assertTrue(out.contains("connections outside the loopback address: 0"), out);
    for (String loaded : List.of(
        "software.amazon.awssdk.services.iam.DefaultIamClient ",
        "software.amazon.awssdk.services.sts.DefaultStsClient ",
        "software.amazon.awssdk.services.ec2.DefaultEc2Client ",
        "software.amazon.awssdk.services.ecs.DefaultEcsClient ",
        "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient ",
        "software.amazon.awssdk.protocols.query.internal.unmarshall.AwsQueryResponseHandler ",
        "software.amazon.awssdk.protocols.query.internal.unmarshall.ListQueryUnmarshaller ",
        "software.amazon.awssdk.http.auth.aws.internal.signer.DefaultAwsV4HttpSigner ",
        "software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse ",
        "dev.rolectl.engine.apply.Applier ",
        "dev.rolectl.cli.command.ValidateCommand ")) {
      assertTrue(run.classes().contains(loaded), loaded + "was not loaded");
    }
    try (var left = Files.list(dir.resolve("tmp"))) {
      assertEquals(List.of(), left.toList(), "the training's temporary files are deleted");
    }
  }

  @Test
  void offlineProfileLoadsNoAwsSdkClass() throws Exception {
    Run run = train("offline");
    assertEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("rolectl validate: exit 0"), run.output());
    assertTrue(run.output().contains("rolectl graph: exit 0"), run.output());
    assertFalse(run.output().contains("rolectl plan"), run.output());
    assertTrue(run.classes().contains("dev.rolectl.cli.command.ValidateCommand "), "class loading was not logged");
    assertFalse(run.classes().contains("software.amazon.awssdk"),
        "the offline archive would hold AWS SDK classes: "
            + run.classes().lines().filter(l -> l.contains("software.amazon.awssdk")).limit(5).toList());
  }

  @Test
  void unknownProfileFails() throws Exception {
    Run run = train("everything");
    assertEquals(1, run.exit(), run.output());
    assertTrue(run.output().contains("unknown profile 'everything' (offline or aws)"), run.output());
  }
}
