package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.CliRun;
import dev.rolectl.cli.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import, snapshot, show and saved plans through the CLI, on file targets. */
class ImportSnapshotShowTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final String DRIFT = "snapshot:" + GOLDEN.resolve("drift/account.json");

  @TempDir Path dir;

  @Test
  void importedRolesValidateAndPlanAsAdoptionsWithNothingElse() throws IOException {
    // the guide's role exactly as the guide creates it, untagged, among others
    Path account = GOLDEN.resolve("adopt/account.json");
    Path out = dir.resolve("imported.yaml");

    CliRun imported =
        CliRun.run(
            "import", "ecsInfrastructureRoleForLoadBalancers", "--stack", "platform",
            "--target", "snapshot:" + account, "--out", out.toString());

    assertEquals(0, imported.exitCode(), imported::toString);
    String yaml = Files.readString(out);
    assertTrue(yaml.contains("adopt: true"), yaml);
    CliRun validate = CliRun.run("validate", out.toString(), "--account-id", "111122223333");
    assertEquals(0, validate.exitCode(), validate::toString);
    assertTrue(validate.err().isEmpty(), "no finding at all: " + validate);
    CliRun plan = CliRun.run("plan", out.toString(), "--target", "snapshot:" + account);
    assertEquals(0, plan.exitCode(), plan::toString);
    assertTrue(
        plan.out().contains("Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 1 to adopt; 1 unchanged."),
        plan::toString);
    assertTrue(plan.out().contains("+ tags.rolectl:stack = \"platform\"\n    }"), "only the tag: " + plan);
  }

  @Test
  void importWritesReferencesForAccountAndPartitionAndRefusesRolesOfAnotherStack() throws IOException {
    Path account = GOLDEN.resolve("adopt/account.json");
    CliRun imported = CliRun.run("import", "ecsInfrastructureRoleForLoadBalancers", "--stack",
        "platform", "--target", "snapshot:" + account);
    assertEquals(0, imported.exitCode(), imported::toString);
    assertTrue(imported.out().contains(
        "arn:${aws.partition}:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers"),
        imported.out());
    assertTrue(!imported.out().contains("111122223333") && !imported.out().contains("arn:aws:"),
        imported.out());

    CliRun owned = CliRun.run("import", "app-task", "--stack", "other", "--target", DRIFT);
    assertEquals(1, owned.exitCode(), owned::toString);
    assertTrue(owned.err().startsWith("error: role app-task belongs to stack 'golden' (tag"
        + " rolectl:stack=golden): importing it into stack 'other'"), owned::toString);
    assertTrue(owned.err().contains("import it with --stack golden, or, to hand it over to stack"
        + " 'other', use --force, which says how"), owned::toString);
    CliRun forced = CliRun.run("import", "app-task", "--stack", "other", "--target", DRIFT, "--force");
    assertEquals(0, forced.exitCode(), forced::toString);
    // the target is a snapshot of an account: the tag is moved in the account
    assertEquals("warning: role app-task belongs to stack 'golden' (tag rolectl:stack=golden);"
        + " imported into stack 'other' anyway (--force). Do not just remove it from stack"
        + " 'golden': while the tag names 'golden', that stack's next apply would delete the role,"
        + " and stack 'other' cannot adopt it (its plan refuses). To hand it over: 1. move the tag:"
        + " aws iam tag-role --role-name app-task --tags Key=rolectl:stack,Value=other; 2. remove"
        + " the role from stack 'golden' (what that stack's own policies attach to the role stays"
        + " its own: list the role in their attachTo.roles) and apply it: it leaves the role"
        + " alone; 3. plan and apply stack 'other'\n", forced.err());
    assertTrue(forced.out().contains("app-task:"), forced::toString);
  }

  @Test
  void importIntoAFolderWritesOneFilePerRoleThatTogetherValidate() throws IOException {
    Path roles = dir.resolve("roles");
    CliRun imported = CliRun.run("import", "ecsInfrastructureRoleForLoadBalancers", "old-batch",
        "--stack", "golden", "--target", DRIFT, "--out", roles + "/");
    assertEquals(0, imported.exitCode(), imported::toString);
    assertEquals("wrote 2 files in " + roles + ": 2 roles with adopt: true\n", imported.out());
    assertTrue(Files.exists(roles.resolve("ecsInfrastructureRoleForLoadBalancers.yaml"))
        && Files.exists(roles.resolve("old-batch.yaml")));
    CliRun validate = CliRun.run("validate", roles.toString(), "--account-id", "111122223333");
    assertEquals(0, validate.exitCode(), validate::toString);

    CliRun one = CliRun.run("import", "app-task", "--stack", "golden", "--target", DRIFT,
        "--out", dir.resolve("one.yaml").toString());
    assertEquals("wrote " + dir.resolve("one.yaml") + ": 1 role with adopt: true\n", one.out());

    Path single = dir.resolve("single");
    CliRun folder = CliRun.run("import", "app-task", "--stack", "golden", "--target", DRIFT,
        "--out", single + "/");
    assertEquals("wrote 1 file in " + single + ": 1 role with adopt: true\n", folder.out());
  }

  /**
   * A snapshot of an account file is a copy: it keeps the file's TakenAt (plans against it say
   * when), or has none when the file has none; only a live account is taken "now" (e2e test).
   */
  @Test
  void aSnapshotOfAFileKeepsItsTakenAt() throws IOException {
    Path dated = dir.resolve("dated.json");
    Files.writeString(dated, Files.readString(GOLDEN.resolve("drift/account.json"))
        .replaceFirst("\\{", "{\"TakenAt\": \"2026-01-02T03:04:05Z\","));
    for (String source : new String[] {"snapshot:" + dated, "local:" + dated}) {
      Path copy = dir.resolve("copy.json");
      CliRun taken = CliRun.run("snapshot", "--target", source, "--out", copy.toString());
      assertEquals(0, taken.exitCode(), taken::toString);
      assertEquals("wrote " + copy + ": 4 roles, 1 customer managed policy\n"
          + "note: a copy of " + source + ", taken at 2026-01-02T03:04:05Z (its TakenAt, kept)\n",
          taken.out());
      assertTrue(Files.readString(copy).contains("\"TakenAt\": \"2026-01-02T03:04:05Z\""),
          Files.readString(copy));
      CliRun plan = CliRun.run("plan", GOLDEN.resolve("stack.yaml").toString(), "--target",
          "snapshot:" + copy);
      assertTrue(plan.out().contains("snapshot taken 2026-01-02T03:04:05Z)"), plan::toString);
    }
    Path undated = dir.resolve("undated.json");
    CliRun taken = CliRun.run("snapshot", "--target", DRIFT, "--out", undated.toString());
    assertEquals("wrote " + undated + ": 4 roles, 1 customer managed policy\n"
        + "note: a copy of " + DRIFT + ", which does not say when it was taken (no TakenAt): nor"
        + " does the copy\n", taken.out());
    assertTrue(!Files.readString(undated).contains("TakenAt"), Files.readString(undated));
  }

  @Test
  void importChecksOutBeforeReadingAnything() {
    Path missing = dir.resolve("no/such/folder/roles.yaml");
    CliRun run = CliRun.run("import", "app-task", "--target", "snapshot:" + dir.resolve("absent.json"),
        "--out", missing.toString());
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("error: cannot write " + missing + ": the folder "
        + missing.getParent() + " does not exist; create it first (nothing was read)"), run::toString);
  }

  @Test
  void importRefusesAFileOverTheStackFileLimitAndPointsToAFolder() {
    ImportTarget file = ImportTarget.of(dir.resolve("big.yaml"), dir.resolve("big.yaml").toString());
    String big = "x".repeat((int) dev.rolectl.engine.config.StackLoader.MAX_FILE_BYTES + 1);
    UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
        () -> file.write(Map.of("s", big)));
    assertTrue(e.getMessage().contains("over the limit of 3072 KiB per stack file"), e.getMessage());
    assertTrue(e.getMessage().contains("one file per role (--out " + dir.resolve("big.yaml") + ".d/)"),
        e.getMessage());
    assertTrue(!Files.exists(dir.resolve("big.yaml")));
  }

  @Test
  void importRefusesServiceLinkedAndIdentityCenterRolesWithTheReason() throws IOException {
    Path account = dir.resolve("account.json");
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"ecs.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    Files.writeString(account, "{\"AccountId\": \"111122223333\", \"RoleDetailList\": ["
        + "{\"RoleName\": \"AWSServiceRoleForECS\", \"Path\": \"/aws-service-role/ecs.amazonaws.com/\","
        + " \"AssumeRolePolicyDocument\": " + trust + "},"
        + "{\"RoleName\": \"AWSReservedSSO_Admin_0123abcd\","
        + " \"Path\": \"/aws-reserved/sso.amazonaws.com/eu-west-1/\","
        + " \"AssumeRolePolicyDocument\": " + trust + "}]}");
    CliRun slr = CliRun.run("import", "awsservicerole" + "forecs", "--target", "snapshot:" + account,
        "--force");
    assertEquals(1, slr.exitCode(), slr::toString);
    assertTrue(slr.err().startsWith("error: cannot import role arn:aws:iam::111122223333:role"
        + "/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS: role AWSServiceRoleForECS is a"
        + " service-linked role"), slr::toString);
    assertTrue(slr.err().contains("a stack may still name its ARN"), slr::toString);
    CliRun sso = CliRun.run("import", "AWSReservedSSO_Admin_0123abcd", "--target",
        "snapshot:" + account);
    assertEquals(1, sso.exitCode(), sso::toString);
    assertTrue(sso.err().contains("IAM Identity Center made it from a permission set"), sso::toString);
    assertTrue(sso.out().isEmpty(), "no YAML written: " + sso.out());
  }

  @Test
  void importOfAMissingRoleSaysSo() {
    CliRun run = CliRun.run("import", "nope", "--target", DRIFT);

    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("error: no role named 'nope' in account 111122223333"), run::toString);
    assertTrue(!run.err().contains("Exception"), run::toString);
  }

  @Test
  void aSnapshotPlansLikeTheAccountItWasTakenFrom() {
    Path snap = dir.resolve("snap.json");
    CliRun taken = CliRun.run("snapshot", "--target", DRIFT, "--out", snap.toString());
    assertEquals(0, taken.exitCode(), taken::toString);

    CliRun fromOriginal = CliRun.run("plan", GOLDEN.resolve("stack.yaml").toString(), "--target", DRIFT);
    CliRun fromSnapshot =
        CliRun.run("plan", GOLDEN.resolve("stack.yaml").toString(), "--target", "snapshot:" + snap);

    assertEquals(fromOriginal.exitCode(), fromSnapshot.exitCode());
    assertEquals(body(fromOriginal.out()), body(fromSnapshot.out()));
  }

  @Test
  void aSavedPlanShowsLikeThePlanItself() {
    Path saved = dir.resolve("plan.json");
    CliRun plan =
        CliRun.run("plan", GOLDEN.resolve("stack.yaml").toString(), "--target", DRIFT, "--out", saved.toString());

    CliRun show = CliRun.run("show", saved.toString());

    assertEquals(0, show.exitCode(), show::toString);
    assertEquals("Signature: not signed\n\n" + plan.out(), show.out());
  }

  @Test
  void aSavedPlanKeepsItsWarningsAndShowListsThemInEveryFormat() throws IOException {
    Path saved = dir.resolve("warning.plan.json");
    CliRun plan = CliRun.run("plan", GOLDEN.resolve("warning/stack.yaml").toString(), "--target",
        "snapshot:" + GOLDEN.resolve("warning/account.json"), "--out", saved.toString());
    assertEquals(0, plan.exitCode(), plan::toString);
    String warning = "warning[missing-principal]: policy deploy is to be attached to user ghost";
    assertTrue(plan.err().contains(warning), plan::toString);
    for (String format : new String[] {"text", "markdown", "json"}) {
      CliRun show = CliRun.run("show", saved.toString(), "--format", format);
      assertEquals(0, show.exitCode(), show::toString);
      assertTrue(show.out().contains("missing-principal") && show.out().contains("has no such user"),
          format + ": " + show.out());
    }
    assertTrue(CliRun.run("show", saved.toString()).out().contains(warning));
  }

  @Test
  void aCorruptPlanFileIsAClearError() throws IOException {
    Path bad = dir.resolve("plan.json");
    Files.writeString(bad, "{\"formatVersion\": 1, \"stack\": ");

    CliRun show = CliRun.run("show", bad.toString());

    assertEquals(1, show.exitCode());
    assertTrue(show.err().startsWith("error: " + bad + ":1:31: the saved plan ends too early"),
        show::toString);
  }

  @Test
  void aStackPinnedToAnotherAccountIsRefused() throws IOException {
    Path stack = dir.resolve("pinned.yaml");
    Files.writeString(
        stack,
        Files.readString(GOLDEN.resolve("stack.yaml")).replace("stack: golden\n", "stack: golden\naccount: \"999988887777\"\n"));

    CliRun run = CliRun.run("plan", stack.toString(), "--target", DRIFT);

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("999988887777"), run::toString);
    assertTrue(run.err().contains("111122223333"), run::toString);
    assertEquals("", run.out());
  }

  @Test
  void planOfTheExampleOnAnEmptyLocalAccountCreatesEverything() {
    CliRun run =
        CliRun.run(
            Map.of("ROLECTL_TARGET", "local:" + dir.resolve("none.json")),
            "plan", RepoFiles.root().resolve("examples/ecs-blue-green").toString(), "--detailed-exitcode");

    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.out().contains("Plan: 4 to create"), run::toString);
  }

  private static String body(String out) {
    return out.substring(out.indexOf('\n') + 1);
  }
}
