package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.Targets;
import dev.rolectl.engine.plan.Action;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@Tag("e2e")
@ExtendWith(MotoServer.class)
class ApplySmokeE2E {
  @Test
  void createsAndDestroys(Moto moto, @TempDir Path dir) {
    try (Target target = Targets.open("aws", moto.targetOptions())) {
      var stack = ApplyDriver.load(StackFiles.roles(dir, "smoke", "smoke", 5), target, Map.of());
      var r = ApplyDriver.converge(target, stack, 4);
      assertEquals(20, r.doneCounts().get(Action.CREATE));
      var empty = ApplyDriver.load(StackFiles.empty(dir, "smoke"), target, Map.of());
      var d = ApplyDriver.converge(target, empty, 4);
      assertEquals(20, d.doneCounts().get(Action.DELETE));
    }
  }
}
