package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.InterlockStacks.Change;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once the rollout is over ({@code MOTO_ECS_SERVICE_RUNNING=2}: the PRIMARY deployment is {@code
 * COMPLETED}; the server is shared with {@link EcsFinishedDeploymentE2E}), the changes {@link
 * InterlockMotoE2E} saw blocked go through, one after the other on one seeded account: detach,
 * trust change, delete.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
@MotoServer.Env({"MOTO_ECS_SERVICE_RUNNING=2"})
class InterlockFinishedMotoE2E {

  @Test
  void theBlockedChangesGoThroughOnceTheDeploymentIsOver(Moto moto, @TempDir Path dir) {
    EcsSeed.create(moto);
    Side side = Side.moto(moto);

    TestCli.Run detach =
        side.rolectl("apply", InterlockStacks.changed(dir, Change.DETACH).toString(), "--auto-approve");
    assertEquals(0, detach.exit(), detach::toString);
    assertEquals(List.of(), InterlockIam.read(moto).orElseThrow().attached());

    TestCli.Run trust =
        side.rolectl("apply", InterlockStacks.changed(dir, Change.TRUST).toString(), "--auto-approve");
    assertEquals(0, trust.exit(), trust::toString);
    InterlockIam changed = InterlockIam.read(moto).orElseThrow();
    assertTrue(changed.trust().contains("ec2.amazonaws.com"), changed::toString);
    assertFalse(changed.trust().contains("ecs.amazonaws.com"), changed::toString);

    TestCli.Run delete =
        side.rolectl("apply", InterlockStacks.changed(dir, Change.DELETE).toString(), "--auto-approve");
    assertEquals(0, delete.exit(), delete::toString);
    assertTrue(InterlockIam.read(moto).isEmpty(), "the role is gone");
  }
}
