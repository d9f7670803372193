package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.HostileProxy.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, point 8: reads trust the endpoint no more than AWS's API allows. Through {@link
 * HostileProxy} in front of moto (which holds the account's role): an answer without its result
 * element, an HTML page, an empty body or broken XML is an error naming the call, so that
 * {@code snapshot} does not save an empty account and {@code plan} does not propose to create
 * what exists; an endless pagination marker stops at once; markers that never end are stopped by
 * {@code --read-timeout}, one deadline for the whole read.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class HostileAnswersE2E {
  static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";

  static String response(String action, String result) {
    return "<" + action + "Response xmlns=\"" + NS + "\">" + result + "<ResponseMetadata>"
        + "<RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></"
        + action + "Response>";
  }

  static String listRolesPage(String marker) {
    return response("ListRoles", "<ListRolesResult><IsTruncated>true</IsTruncated><Marker>"
        + marker + "</Marker><Roles/></ListRolesResult>");
  }

  /** The stack's role exists, owned by the stack: a plan with a true read has nothing to do. */
  private static Path existing(Moto moto, Path dir) {
    Path stack = StackFiles.roles(dir, "hostile", "kept", 1);
    assertEquals(0, Side.moto(moto).rolectl("apply", stack.toString(), "--auto-approve").exit());
    return stack;
  }

  @Test
  void anAnswerWithoutItsResultIsAnErrorNeverAnEmptyAccount(Moto moto, @TempDir Path dir)
      throws Exception {
    Path stack = existing(moto, dir);
    Map<String, Answer> wrong = Map.of(
        "no result element", Answer.xml(response("GetAccountAuthorizationDetails", "")),
        "an HTML page", new Answer(200, "text/html",
            "<html><head><title>Sign in</title></head><body>Proxy login</body></html>", 0),
        "an empty body", Answer.xml(""),
        "broken XML", Answer.xml("<GetAccountAuthorizationDetailsResponse xmlns=\"" + NS + "\">"
            + "<GetAccountAuthorizationDetailsResult><RoleDetailList><member>"));
    for (Map.Entry<String, Answer> w : wrong.entrySet()) {
      try (HostileProxy proxy = new HostileProxy(moto)) {
        proxy.answer("GetAccountAuthorizationDetails", n -> w.getValue());
        Path out = dir.resolve("snapshot.json");
        TestCli.Run snap = TestCli.run(proxy.env(), "snapshot", "--out", out.toString(),
            "--target", "aws");
        assertEquals(1, snap.exit(), w.getKey() + ": " + snap);
        assertTrue(snap.err().contains("IAM GetAccountAuthorizationDetails: the endpoint"),
            w.getKey() + ": " + snap);
        assertFalse(snap.err().contains("Exception") || snap.err().contains("--debug"),
            w.getKey() + ": " + snap);
        assertFalse(Files.exists(out), "no empty account saved: " + w.getKey());

        TestCli.Run plan = TestCli.run(proxy.env(), "plan", stack.toString(), "--target", "aws");
        assertEquals(1, plan.exit(), w.getKey() + ": " + plan);
        assertFalse(plan.out().contains("will be created"), w.getKey() + ": " + plan);
        assertTrue(plan.err().contains("IAM GetAccountAuthorizationDetails"), w.getKey() + ": " + plan);
      }
    }
  }

  @Test
  void aListWithoutItsEntriesIsAnErrorNotAnEmptyList(Moto moto, @TempDir Path dir)
      throws Exception {
    Path stack = existing(moto, dir);
    try (HostileProxy proxy = new HostileProxy(moto)) {
      proxy.answer("ListRoles", n -> Answer.xml(response("ListRoles",
          "<ListRolesResult><IsTruncated>false</IsTruncated></ListRolesResult>")));
      TestCli.Run plan = TestCli.run(proxy.env(), "plan", stack.toString(), "--target", "aws");
      assertEquals(1, plan.exit(), plan::toString);
      assertTrue(plan.err().contains("IAM ListRoles: the endpoint answered HTTP 200 without the"
          + " call's result (none of its lists)"), plan::toString);
    }
  }

  @Test
  void anEndlessMarkerStopsAtOnce(Moto moto, @TempDir Path dir) throws Exception {
    Path stack = existing(moto, dir);
    try (HostileProxy proxy = new HostileProxy(moto)) {
      proxy.answer("ListRoles", n -> Answer.xml(listRolesPage("again")));
      TestCli.Run plan = TestCli.run(proxy.env(), "plan", stack.toString(), "--target", "aws");
      assertEquals(1, plan.exit(), plan::toString);
      assertTrue(plan.err().contains("IAM ListRoles: the endpoint gave the same pagination marker"
          + " twice in one listing"), plan::toString);
      assertEquals(2, proxy.count("ListRoles"), "no page after the repeated marker");
    }
  }

  @Test
  void markersThatNeverEndAreStoppedByTheReadDeadline(Moto moto, @TempDir Path dir)
      throws Exception {
    Path stack = existing(moto, dir);
    try (HostileProxy proxy = new HostileProxy(moto)) {
      proxy.answer("ListRoles", n -> new Answer(200, "text/xml", listRolesPage("m" + n), 50));
      long start = System.nanoTime();
      TestCli.Run plan = TestCli.run(proxy.env(), "plan", stack.toString(), "--target", "aws",
          "--read-timeout", "3s");
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertEquals(1, plan.exit(), plan::toString);
      assertTrue(plan.err().contains("cannot read IAM roles and policies within 3s"
          + " (--read-timeout"), plan::toString);
      assertTrue(ms < 3_000 + 5_000, "stopped at the deadline, not at the page cap: " + ms + " ms");
      int pages = proxy.count("ListRoles");
      assertTrue(pages > 5 && pages < 200, "pages read before the deadline: " + pages);
      for (String bad : List.of("0s", "0", "abc")) {
        TestCli.Run refused = TestCli.run(proxy.env(), "plan", stack.toString(), "--target", "aws",
            "--read-timeout", bad);
        assertTrue(refused.exit() != 0 && refused.err().contains("--read-timeout"), refused::toString);
      }
    }
  }
}
