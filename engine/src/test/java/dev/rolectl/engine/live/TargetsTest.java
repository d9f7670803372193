package dev.rolectl.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.local.FileTarget;
import dev.rolectl.engine.live.local.LocalState;
import dev.rolectl.engine.model.PrincipalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsTest {

  @Test
  void unknownSpecsSayWhatIsAccepted() {
    TargetException e =
        assertThrows(TargetException.class, () -> Targets.open("s3://x", TargetOptions.defaults()));
    assertTrue(e.getMessage().contains("'aws'") && e.getMessage().contains("local:PATH"), e.getMessage());
    TargetException empty =
        assertThrows(TargetException.class, () -> Targets.open("local:", TargetOptions.defaults()));
    assertTrue(empty.getMessage().contains("names no file"), empty.getMessage());
  }

  @Test
  void aMissingLocalFileIsAnEmptyWritableAccount(@TempDir Path dir) {
    try (Target t = Targets.open("local:" + dir.resolve("none.json"), TargetOptions.defaults())) {
      assertTrue(t.writable());
      assertEquals("local:" + dir.resolve("none.json"), t.spec());
      assertEquals(LocalState.empty().account(), t.iam().read(ReadRequest.everything()));
      assertEquals("123456789012", t.iam().accountId());
      assertEquals(ApiStats.none(), t.stats());
    }
    assertFalse(Files.exists(dir.resolve("none.json")), "reading creates nothing");
  }

  @Test
  void aMissingSnapshotIsAnErrorThatSaysHowToTakeOne(@TempDir Path dir) {
    try (Target t = Targets.open("snapshot:" + dir.resolve("none.json"), TargetOptions.defaults())) {
      assertFalse(t.writable());
      TargetException e =
          assertThrows(TargetException.class, () -> t.iam().read(ReadRequest.rolesAndPolicies()));
      assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
      assertTrue(e.getMessage().contains("rolectl snapshot --out"), e.getMessage());
    }
  }

  @Test
  void readsAreNarrowedToTheRequest(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("a.json");
    try (var in = getClass().getResourceAsStream("/live/aws-cli-output.json")) {
      Files.write(file, in.readAllBytes());
    }
    try (Target t = Targets.open("snapshot:" + file, TargetOptions.defaults())) {
      LiveAccount all = t.iam().read(ReadRequest.everything());
      LiveAccount lean = t.iam().read(new ReadRequest(false, false, false));
      assertEquals(2, all.principals().size());
      assertEquals(List.of(), lean.principals());
      LiveManagedPolicy pass = lean.policy("passEcsInfrastructureRole").orElseThrow();
      assertEquals(Map.of(PrincipalType.ROLE, List.of("app")), pass.attachments());
      assertEquals(all.roles(), lean.roles());
      LiveAccount usersOnly = t.iam().read(new ReadRequest(true, false, true));
      assertEquals(
          List.of(PrincipalType.USER),
          usersOnly.principals().stream().map(LivePrincipal::type).toList());
    }
  }

  @Test
  void aCorruptLocalFileIsAUserErrorNotAStackTrace(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"RoleDetailList\": [");
    FileTarget t = (FileTarget) Targets.open("local:" + file, TargetOptions.defaults());
    TargetException e = assertThrows(TargetException.class, () -> t.iam().accountId());
    assertTrue(e.getMessage().startsWith(file + ":1:"), e.getMessage());
  }
}
