package dev.rolectl.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.live.TargetOptions;
import dev.rolectl.engine.live.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --account-id} and {@code --partition} against file targets: the file decides both, and
 * an option that names another is refused, never ignored (the aws target: an e2e test on moto).
 */
class ExpectedAccountTest {
  static final String STACK = "apiVersion: rolectl/v1\nstack: p\nroles:\n  app:\n"
      + "    description: ${aws.partition}\n    trustPolicy:\n      Version: \"2012-10-17\"\n"
      + "      Statement:\n        - Effect: Allow\n          Principal: {Service: ec2.amazonaws.com}\n"
      + "          Action: sts:AssumeRole\n";

  @TempDir Path dir;

  private PlanOutcome plan(String spec, Optional<String> accountId, Optional<String> partition)
      throws Exception {
    Path stack = Files.writeString(dir.resolve("stack.yaml"), STACK);
    try (Target t = Targets.open(spec, TargetOptions.defaults())) {
      return Planner.plan(new StackSource(stack, Map.of(), List.of(), accountId, partition), t,
          false, e -> {});
    }
  }

  private String refused(String spec, Optional<String> accountId, Optional<String> partition) {
    return assertThrows(TargetException.class, () -> plan(spec, accountId, partition)).getMessage();
  }

  @Test
  void aNewLocalAccountIsInPartitionAwsAndSaysHowToStartOneInAnother() throws Exception {
    String spec = "local:" + dir.resolve("new.json");
    assertEquals("--partition aws-cn does not match the partition of target " + spec + " (aws,"
        + " from the file's Partition or its ARNs, else aws): drop --partition, or use an account"
        + " file of partition aws-cn (a new account file can start as {\"AccountId\":"
        + " \"123456789012\", \"Partition\": \"aws-cn\"})",
        refused(spec, Optional.empty(), Optional.of("aws-cn")));
    assertEquals("--account-id 111122223333 does not match the account of target " + spec
        + " (123456789012, from the file's AccountId or its ARNs; a new file is 123456789012):"
        + " drop --account-id, or use an account file of account 111122223333",
        refused(spec, Optional.of("111122223333"), Optional.empty()));
    assertTrue(refused(spec, Optional.of("111122223333"), Optional.of("aws-cn")).contains(
        "{\"AccountId\": \"111122223333\", \"Partition\": \"aws-cn\"}"), "both options given");
    assertTrue(plan(spec, Optional.of("123456789012"), Optional.of("aws")).plan().isPresent());
  }

  @Test
  void theFilesPartitionIsHonouredAndAnotherRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("cn.json"),
        "{\"AccountId\": \"111122223333\", \"Partition\": \"aws-cn\"}");
    PlanOutcome cn = plan("local:" + file, Optional.empty(), Optional.of("aws-cn"));
    assertEquals("aws-cn", cn.stack().orElseThrow().partition());
    assertEquals("aws-cn", cn.stack().orElseThrow().resources(dev.rolectl.engine.model.Role.class)
        .findFirst().orElseThrow().description(), "${aws.partition} is the file's");
    String snapshot = "snapshot:" + file;
    assertEquals("--partition aws does not match the partition of target " + snapshot + " (aws-cn,"
        + " from the file's Partition or its ARNs, else aws): drop --partition, or use an account"
        + " file of partition aws", refused(snapshot, Optional.empty(), Optional.of("aws")));
  }
}
