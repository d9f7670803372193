package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.CliRun;
import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.InterlockStacks.Change;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interlock on moto while a rollout is under way ({@code MOTO_ECS_SERVICE_RUNNING=0}: a new
 * service's PRIMARY deployment stays {@code IN_PROGRESS}; the server is shared with {@link
 * EcsDeploymentsE2E}): rules 1-3 block plan and apply and change nothing, a tag goes through, a
 * wait that runs out changes nothing, and an unreachable ECS endpoint blocks.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
@MotoServer.Env({"MOTO_ECS_SERVICE_RUNNING=0"})
class InterlockMotoE2E {
  @TempDir Path dir;

  private static TestCli.Run rolectl(Moto moto, String... args) {
    Side side = Side.moto(moto);
    return side.rolectl(args);
  }

  @Test
  void disruptiveChangesAreBlockedAndChangeNothingWhileTagsGoThrough(Moto moto) {
    EcsSeed.create(moto);
    InterlockIam before = InterlockIam.read(moto).orElseThrow();
    assertEquals(java.util.List.of(InterlockStacks.POLICY), before.attached());
    TestCli.Run none = rolectl(moto, "plan", InterlockStacks.full(dir).toString());
    assertEquals(0, none.exit(), none::toString);
    assertTrue(none.out().contains("No changes"), none::toString);

    for (Change c : new Change[] {Change.DELETE, Change.TRUST, Change.DETACH}) {
      String stack = InterlockStacks.changed(dir, c).toString();
      TestCli.Run plan = rolectl(moto, "plan", stack);
      assertEquals(3, plan.exit(), c + "\n" + plan);
      assertTrue(plan.out().contains(c.rule), c + "\n" + plan);
      assertTrue(plan.out().contains("rollout IN_PROGRESS"), c + "\n" + plan);
      TestCli.Run apply = rolectl(moto, "apply", stack, "--auto-approve");
      assertEquals(3, apply.exit(), c + "\n" + apply);
      assertEquals(before, InterlockIam.read(moto).orElseThrow(), c + ": nothing changed");
    }

    TestCli.Run waited = rolectl(moto, "apply", InterlockStacks.changed(dir, Change.DELETE).toString(),
        "--auto-approve", "--wait-for-deployments", "2s");
    assertEquals(3, waited.exit(), waited::toString);
    assertTrue(waited.out().contains("Still waiting"), waited::toString);
    assertTrue(waited.out().contains("was up"), waited::toString);
    assertEquals(before, InterlockIam.read(moto).orElseThrow(), "a wait that ran out changes nothing");

    TestCli.Run tag = rolectl(moto, "apply", InterlockStacks.changed(dir, Change.TAG).toString(),
        "--auto-approve");
    assertEquals(0, tag.exit(), tag::toString);
    InterlockIam tagged = InterlockIam.read(moto).orElseThrow();
    assertEquals("platform", tagged.tags().get("team"), tagged::toString);
    assertEquals(before.attached(), tagged.attached());
  }

  @Test
  void anUnreachableEcsEndpointBlocksApply(Moto moto) {
    EcsSeed.create(moto);
    InterlockIam before = InterlockIam.read(moto).orElseThrow();
    Map<String, String> env = new java.util.HashMap<>(moto.env());
    env.remove("AWS_ENDPOINT_URL"); // it would take ECS to moto as well
    env.put("AWS_ENDPOINT_URL_IAM", moto.endpoint().toString());
    env.put("AWS_ENDPOINT_URL_STS", moto.endpoint().toString());
    env.put("AWS_ENDPOINT_URL_EC2", moto.endpoint().toString()); // the enabled regions
    env.put("AWS_ENDPOINT_URL_ECS", "http://127.0.0.1:" + AwsAdapterE2E.closedPort());

    CliRun apply = RolectlProcess.run(dir, env, "apply",
        InterlockStacks.changed(dir, Change.DETACH).toString(), "--auto-approve");
    assertEquals(3, apply.exitCode(), apply::toString);
    assertTrue(apply.out().contains("cannot reach ECS"), apply::toString);
    assertEquals(before, InterlockIam.read(moto).orElseThrow(), "nothing changed");
  }
}
