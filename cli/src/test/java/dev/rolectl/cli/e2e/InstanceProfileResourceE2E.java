package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveInstanceProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instance profiles declared in the stack ({@code instanceProfile: true}, and a name and path),
 * on moto and on a local file: created with their roles (after them, tagged like them, the role
 * in each; from a saved plan), the next plan empty (also against a snapshot), removed with the
 * roles (before them); on
 * moto the IAM calls are
 * recorded in order by {@link IamRulesProxy}. A profile of that name made by hand is not taken
 * over without {@code adopt}.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class InstanceProfileResourceE2E {
  static final String STACK = "apiVersion: rolectl/v1\nstack: ip\ntags: {team: hosts}\nroles:\n"
      + "  ip-web:\n    trustPolicy: " + StackFiles.TRUST + "\n    instanceProfile: true\n"
      + "  ip-batch:\n    trustPolicy: " + StackFiles.TRUST + "\n"
      + "    instanceProfile: {name: ip-batch-hosts, path: /batch/}\n";
  static final String EMPTY = "apiVersion: rolectl/v1\nstack: ip\n";

  @Test
  void onMoto(Moto moto, @TempDir Path dir) throws Exception {
    try (IamRulesProxy proxy = new IamRulesProxy(moto)) {
      Side side = Side.moto(moto);
      Side proxied = new Proxied(side, proxy.env());
      run(proxied, dir, () -> {
        List<String> calls = proxy.calls();
        assertOrder(calls, "CreateRole RoleName=ip-web", "CreateInstanceProfile InstanceProfileName=ip-web",
            "AddRoleToInstanceProfile RoleName=ip-web InstanceProfileName=ip-web");
        proxy.clearCalls();
      }, () -> assertOrder(proxy.calls(),
          "RemoveRoleFromInstanceProfile RoleName=ip-web InstanceProfileName=ip-web",
          "DeleteInstanceProfile InstanceProfileName=ip-web", "DeleteRole RoleName=ip-web"));
    }
  }

  @Test
  void onLocal(@TempDir Path dir) {
    run(Side.local(dir.resolve("account.json")), dir, () -> {}, () -> {});
  }

  static void run(Side side, Path dir, Runnable afterCreate, Runnable afterDelete) {
    Path stack = StackFiles.write(dir.resolve("ip.yaml"), STACK);
    Path saved = dir.resolve("ip.plan.json");
    TestCli.Run planned = side.rolectl("plan", stack.toString(), "--out", saved.toString());
    assertEquals(0, planned.exit(), planned::toString);
    TestCli.Run apply = side.rolectl("apply", saved.toString(), "--auto-approve");
    assertEquals(0, apply.exit(), apply::toString);
    afterCreate.run();
    LiveAccount live = side.read();
    LiveInstanceProfile web = live.instanceProfiles().get("ip-web");
    assertEquals(List.of("ip-web"), web.roles(), side.name());
    assertEquals("ip", web.tags().get("rolectl:stack"), web::toString);
    assertEquals("hosts", web.tags().get("team"), web::toString);
    assertEquals("/", web.path());
    LiveInstanceProfile batch = live.instanceProfiles().get("ip-batch-hosts");
    assertEquals("/batch/", batch.path());
    assertEquals(List.of("ip-batch"), batch.roles());
    assertEquals(List.of("ip-web"), live.roles().get("ip-web").instanceProfiles());

    TestCli.Run again = side.rolectl("plan", stack.toString(), "--detailed-exitcode");
    assertEquals(0, again.exit(), () -> side.name() + ": the next plan is empty: " + again);

    Path snap = dir.resolve("snap.json");
    TestCli.Run taken = side.rolectl("snapshot", "--out", snap.toString());
    assertEquals(0, taken.exit(), taken::toString);
    TestCli.Run fromSnapshot = TestCli.run(side.env(), false, "", "plan", stack.toString(),
        "--target", "snapshot:" + snap, "--detailed-exitcode");
    assertEquals(0, fromSnapshot.exit(), () -> "a snapshot carries the profiles and their tags: "
        + fromSnapshot);

    Path empty = StackFiles.write(dir.resolve("empty.yaml"), EMPTY);
    TestCli.Run plan = side.rolectl("plan", empty.toString(), "--format", "json");
    assertTrue(plan.out().contains("\"roles.ip-web.instanceProfile\""), plan::toString);
    TestCli.Run destroy = side.rolectl("apply", empty.toString(), "--auto-approve");
    assertEquals(0, destroy.exit(), destroy::toString);
    assertTrue(destroy.out().contains("role ip-web removed from instance profile ip-web")
        || destroy.err().contains("role ip-web removed from instance profile ip-web"), destroy::toString);
    afterDelete.run();
    LiveAccount gone = side.read();
    assertFalse(gone.instanceProfiles().containsKey("ip-web"), gone.instanceProfiles()::toString);
    assertFalse(gone.instanceProfiles().containsKey("ip-batch-hosts"));
    assertFalse(gone.roles().containsKey("ip-web"));

    side.createRole("ip-web", Map.of());
    TestCli.Run adoptRole = side.rolectl("apply", StackFiles.write(dir.resolve("adopt.yaml"),
        "apiVersion: rolectl/v1\nstack: ip\nroles:\n  ip-web:\n    trustPolicy: " + StackFiles.TRUST
            + "\n    adopt: true\n").toString(), "--auto-approve");
    assertEquals(0, adoptRole.exit(), adoptRole::toString);
    try (var t = dev.rolectl.engine.live.Targets.open(side.target(), side.targetOptions())) {
      t.writer().orElseThrow().createInstanceProfile("ip-web", "/", Map.of());
    }
    TestCli.Run refused = side.rolectl("plan", StackFiles.write(dir.resolve("noadopt.yaml"),
        "apiVersion: rolectl/v1\nstack: ip\nroles:\n  ip-web:\n    trustPolicy: " + StackFiles.TRUST
            + "\n    instanceProfile: true\n").toString());
    assertEquals(1, refused.exit(), refused::toString);
    assertTrue(refused.err().contains("roles.ip-web.instanceProfile (instance profile ip-web)")
        && refused.err().contains("adopt: true"), refused::toString);
  }

  static void assertOrder(List<String> calls, String... inOrder) {
    int last = -1;
    for (String call : inOrder) {
      int at = calls.indexOf(call);
      assertTrue(at > last, call + " after the one before, in " + calls);
      last = at;
    }
  }

  /** A side whose CLI runs go through the proxy (reads and out-of-band writes go to moto). */
  record Proxied(Side side, Map<String, String> proxyEnv) implements Side {
    public String name() { return side.name(); }
    public String target() { return side.target(); }
    public Map<String, String> env() { return proxyEnv; }
    public dev.rolectl.engine.live.TargetOptions targetOptions() { return side.targetOptions(); }
    public void ensurePrincipals(Map<dev.rolectl.engine.model.PrincipalType, java.util.Set<String>> p) {
      side.ensurePrincipals(p);
    }
    public void createRole(String name, Map<String, String> tags) { side.createRole(name, tags); }
  }
}
