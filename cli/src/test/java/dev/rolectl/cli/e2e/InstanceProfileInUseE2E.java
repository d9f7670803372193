package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolectl.cli.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileAssociation;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * A role of the stack in an instance profile that the stack does not declare, with an EC2
 * instance running with that profile (moto serves {@code RunInstances} with an instance profile,
 * {@code DescribeIamInstanceProfileAssociations} in every region it lists, and {@code
 * DisassociateIamInstanceProfile}): deleting the role, or taking {@code ec2.amazonaws.com} out
 * of its trust, is blocked (exit 3) naming the instance and the profile, in text, JSON and
 * Markdown, and changes nothing; once the instance is stopped and disassociated the delete goes
 * through and says which profile the role left. A snapshot records the association, and a plan
 * against it blocks the same way.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class InstanceProfileInUseE2E {
  static final String STACK = "ec2-hosts";
  static final String ROLE = "web-host";
  static final String PROFILE = "web-host-profile";
  static final String EC2_TRUST = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\":"
      + " \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\":"
      + " \"sts:AssumeRole\"}]}";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static Ec2Client ec2(Moto moto) {
    return Ec2Client.builder()
        .endpointOverride(moto.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(Moto.ACCESS_KEY_ID, Moto.SECRET_ACCESS_KEY)))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /** The role (owned by the stack) in the profile (nobody's), and an instance using it. */
  static String seed(Moto moto) {
    try (IamClient iam = moto.iam(); Ec2Client ec2 = ec2(moto)) {
      iam.createRole(r -> r.roleName(ROLE).assumeRolePolicyDocument(EC2_TRUST)
          .tags(t -> t.key("rolectl:stack").value(STACK)));
      iam.createInstanceProfile(r -> r.instanceProfileName(PROFILE));
      iam.addRoleToInstanceProfile(r -> r.instanceProfileName(PROFILE).roleName(ROLE));
      String image = ec2.describeImages(r -> r.maxResults(5)).images().get(0).imageId();
      String instance = ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1)
          .instanceType("t3.micro").iamInstanceProfile(p -> p.name(PROFILE)))
          .instances().get(0).instanceId();
      assertEquals(1, associations(ec2).size(), "moto associated the profile");
      return instance;
    }
  }

  static List<IamInstanceProfileAssociation> associations(Ec2Client ec2) {
    return ec2.describeIamInstanceProfileAssociations().iamInstanceProfileAssociations();
  }

  private Path stack(String trustedService) {
    String roles = trustedService == null ? "" : "roles:\n  " + ROLE + ":\n    trustPolicy:\n"
        + "      Version: \"2012-10-17\"\n      Statement:\n        - Effect: Allow\n"
        + "          Principal: {Service: " + trustedService + "}\n"
        + "          Action: sts:AssumeRole\n";
    Path p = dir.resolve((trustedService == null ? "none" : "role") + ".yaml");
    try {
      Files.writeString(p, "apiVersion: rolectl/v1\nstack: " + STACK + "\n" + roles);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return p;
  }

  private static TestCli.Run rolectl(Moto moto, String... args) {
    return Side.moto(moto).rolectl(args);
  }

  private static boolean roleExists(Moto moto) {
    try (IamClient iam = moto.iam()) {
      iam.getRole(r -> r.roleName(ROLE));
      return true;
    } catch (NoSuchEntityException e) {
      return false;
    }
  }

  @Test
  void aRoleInTheProfileOfARunningInstanceIsKeptUntilTheInstanceLeavesIt(Moto moto)
      throws Exception {
    String instance = seed(moto);
    String delete = stack(null).toString();

    TestCli.Run text = rolectl(moto, "plan", delete);
    assertEquals(3, text.exit(), text::toString);
    for (String part : List.of(instance, PROFILE, "[ec2-role-delete]", "Removed from instance"
        + " profile " + PROFILE, "Move the instances to another instance profile first",
        "--wait-for-deployments does not apply")) {
      assertTrue(text.out().contains(part), part + " in\n" + text);
    }
    TestCli.Run json = rolectl(moto, "plan", delete, "--format", "json");
    assertEquals(3, json.exit(), json::toString);
    JsonNode verdict = verdict(JSON.readTree(json.out()), "roles." + ROLE, "ec2-role-delete");
    assertEquals("block", verdict.path("level").asText());
    assertTrue(verdict.path("message").asText().contains(instance), verdict::toString);
    TestCli.Run md = rolectl(moto, "plan", delete, "--format", "markdown");
    assertTrue(md.out().contains(instance) && md.out().contains(PROFILE), md::toString);

    TestCli.Run apply = rolectl(moto, "apply", delete, "--auto-approve");
    assertEquals(3, apply.exit(), apply::toString);
    assertTrue(roleExists(moto), "the role is still there");

    TestCli.Run trust = rolectl(moto, "plan", stack("lambda.amazonaws.com").toString());
    assertEquals(3, trust.exit(), trust::toString);
    assertTrue(trust.out().contains("[ec2-trust-drops-ec2]") && trust.out().contains(instance),
        trust::toString);

    Path snap = dir.resolve("snap.json");
    TestCli.Run taken = rolectl(moto, "snapshot", "--out", snap.toString());
    assertEquals(0, taken.exit(), taken::toString);
    JsonNode file = JSON.readTree(snap.toFile());
    assertEquals(instance, file.path("ec2").path("IamInstanceProfileAssociations").get(0)
        .path("InstanceId").asText(), "the snapshot records the association");
    TestCli.Run fromSnapshot = TestCli.run(moto.env(), "plan", delete, "--target",
        "snapshot:" + snap);
    assertEquals(3, fromSnapshot.exit(), fromSnapshot::toString);
    assertTrue(fromSnapshot.out().contains(instance), fromSnapshot::toString);

    try (Ec2Client ec2 = ec2(moto)) {
      ec2.stopInstances(r -> r.instanceIds(instance));
      ec2.disassociateIamInstanceProfile(r -> r.associationId(associations(ec2).get(0)
          .associationId()));
      assertTrue(associations(ec2).isEmpty());
    }
    TestCli.Run free = rolectl(moto, "plan", delete, "--format", "json");
    assertEquals(0, free.exit(), free::toString);
    JsonNode warn = verdict(JSON.readTree(free.out()), "roles." + ROLE, "ec2-role-delete");
    assertEquals("warn", warn.path("level").asText());
    assertTrue(warn.path("message").asText().contains("Removed from instance profile " + PROFILE),
        warn::toString);
    TestCli.Run freeText = rolectl(moto, "plan", delete);
    assertTrue(freeText.out().contains("WARNING [ec2-role-delete]: Removed from instance profile "
        + PROFILE), freeText::toString);
    TestCli.Run freeMd = rolectl(moto, "plan", delete, "--format", "markdown");
    assertTrue(freeMd.out().contains("Removed from instance profile " + PROFILE), freeMd::toString);
    TestCli.Run done = rolectl(moto, "apply", delete, "--auto-approve");
    assertEquals(0, done.exit(), done::toString);
    assertTrue(done.out().contains("removed from instance profile " + PROFILE), done::toString);
    assertFalse(roleExists(moto), "the role was deleted");
    try (IamClient iam = moto.iam()) {
      assertTrue(iam.getInstanceProfile(r -> r.instanceProfileName(PROFILE)).instanceProfile()
          .roles().isEmpty(), "the profile holds no role");
    }
  }

  static JsonNode verdict(JsonNode plan, String address, String rule) {
    for (JsonNode c : plan.path("changes")) {
      if (c.path("address").asText().equals(address)) {
        for (JsonNode v : c.path("verdicts")) {
          if (v.path("rule").asText().equals(rule)) {
            return v;
          }
        }
      }
    }
    throw new AssertionError("no verdict " + rule + " on " + address + " in " + plan);
  }
}
