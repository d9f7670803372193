package dev.rolectl.cli.e2e;

import static dev.rolectl.cli.e2e.GuardsE2E.exits;
import static dev.rolectl.cli.e2e.GuardsE2E.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import dev.rolectl.engine.live.LiveRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --force} of a role that another stack owns (break-repros/import): its warning used
 * to say "remove it from the other stack before applying", which made that stack's next apply
 * delete the role. Now it gives the safe order (move the tag, then remove the role from the old
 * stack, then apply the new one), and this test follows it on moto and on a local file: nothing is
 * deleted or detached, and both stacks end with no changes. The tag is moved out of band, as the
 * user would (aws iam tag-role, or the file's Tags).
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class ImportHandOverE2E {
  static final String POLICY = "  oldpol:\n    document: {Version: \"2012-10-17\", Statement:"
      + " [{Effect: Allow, Action: \"sqs:SendMessage\", Resource: \"*\"}]}\n";
  static final String ROLE = "  app:\n    trustPolicy: " + StackFiles.TRUST + "\n"
      + "    managedPolicies: [\"arn:${aws.partition}:iam::${aws.accountId}:policy/oldpol\"]\n";
  static final String ATTACHMENT =
      "    managedPolicies:\n    - arn:${aws.partition}:iam::${aws.accountId}:policy/oldpol\n";

  @Test
  void importForceSaysHowToHandARoleOverAndFollowingItDeletesNothing(Moto moto, @TempDir Path dir)
      throws IOException {
    for (Side side : List.of(Side.moto(moto), Side.local(dir.resolve("account.json")))) {
      Path d = Files.createDirectories(dir.resolve(side.name()));
      Path old = GuardsE2E.stack(d, "old.yaml", "stack: old\nroles:\n" + ROLE + "policies:\n" + POLICY);
      ok(side, "apply", old.toString(), "--auto-approve");

      TestCli.Run refused = exits(1, side, "import", "app", "--stack", "new");
      assertEquals("error: role app belongs to stack 'old' (tag rolectl:stack=old): importing it"
          + " into stack 'new' would make two stacks fight over it; import it with --stack old,"
          + " or, to hand it over to stack 'new', use --force, which says how\n", refused.err());
      Path imported = d.resolve("new.yaml");
      TestCli.Run forced =
          ok(side, "import", "app", "--stack", "new", "--force", "--out", imported.toString());
      String retag = side.target().equals("aws")
          ? "aws iam tag-role --role-name app --tags Key=rolectl:stack,Value=new"
          : "set the role's tag rolectl:stack to new in " + dir.resolve("account.json");
      assertEquals("warning: role app belongs to stack 'old' (tag rolectl:stack=old); imported"
          + " into stack 'new' anyway (--force). Do not just remove it from stack 'old': while"
          + " the tag names 'old', that stack's next apply would delete the role, and stack 'new'"
          + " cannot adopt it (its plan refuses). To hand it over: 1. move the tag: " + retag
          + "; 2. remove the role from stack 'old' (what that stack's own policies attach to the"
          + " role stays its own: list the role in their attachTo.roles) and apply it: it leaves"
          + " the role alone; 3. plan and apply stack 'new'\n", forced.err(), side.name());

      // what the old advice led to: the old stack without the role deletes it
      Path without = GuardsE2E.stack(d, "old-without.yaml", "stack: old\npolicies:\n" + POLICY
          + "    attachTo: {roles: [app]}\n");
      TestCli.Run trap = ok(side, "plan", without.toString());
      assertTrue(trap.out().contains("# roles.app will be deleted"), trap::toString);
      // and the new stack cannot adopt it while the tag names the old one
      TestCli.Run blocked = exits(1, side, "plan", imported.toString());
      assertTrue(blocked.err().contains("roles.app: it is owned by another rolectl stack, 'old'"
          + " (its rolectl:stack tag). Remove it from this stack, or rename it. To hand it over to"
          + " this stack instead, first set the tag to rolectl:stack=new (aws iam tag-role or"
          + " tag-policy; in a local: file, its Tags), then remove it from stack 'old': removed"
          + " from that stack while the tag still names it, it would be deleted by that stack's"
          + " next apply."), blocked::toString);

      // 1. move the tag
      GuardsE2E.outOfBand(side, w -> w.tagRole("app", Map.of("rolectl:stack", "new")));
      // 2. the old stack without the role, its policy still attached through attachTo
      TestCli.Run second = ok(side, "apply", without.toString(), "--auto-approve");
      assertTrue(second.out().contains("No changes."), second::toString);
      // 3. the new stack, without the old stack's attachment (attachment-owner says so)
      String yaml = Files.readString(imported);
      assertTrue(yaml.contains(ATTACHMENT), yaml);
      Files.writeString(imported, yaml.replace(ATTACHMENT, ""));
      TestCli.Run third = ok(side, "apply", imported.toString(), "--auto-approve");
      assertTrue(third.out().contains("No changes."), third::toString);

      LiveRole app = side.read().role("app").orElseThrow();
      assertEquals("new", app.tags().get("rolectl:stack"), side.name());
      assertEquals(1, app.attachedPolicyArns().size(), side.name() + ": " + app);
      assertTrue(app.attachedPolicyArns().get(0).endsWith(":policy/oldpol"), app::toString);
      GuardsE2E.noChanges(side, without);
      GuardsE2E.noChanges(side, imported);
    }
  }
}
