package dev.rolectl.engine.live.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.UnreadableDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An account file holding documents that IAM accepts but rolectl cannot model (issue 10, case 5):
 * the file still reads, those entries are listed as unreadable, and writing it back keeps them.
 */
class UnreadableDocumentsTest {
  static final String FILE = "{\"AccountId\": \"111122223333\", \"RoleDetailList\": [{"
      + "\"RoleName\": \"odd-role\", \"Path\": \"/\", \"AssumeRolePolicyDocument\": "
      + "\"%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B\"}, {"
      + "\"RoleName\": \"fine\", \"Path\": \"/\", \"AssumeRolePolicyDocument\": {\"Version\": "
      + "\"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": "
      + "\"ecs.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}}], \"Policies\": [{"
      + "\"PolicyName\": \"odd\", \"Arn\": \"arn:aws:iam::111122223333:policy/odd\", "
      + "\"DefaultVersionId\": \"v1\", \"PolicyVersionList\": [{\"VersionId\": \"v1\", "
      + "\"IsDefaultVersion\": true, \"Document\": {\"Version\": \"2012-10-17\", \"Statement\": "
      + "[{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\", "
      + "\"Condition\": {\"ArnEquals\": {\"aws:SourceArn\": []}}}]}}]}]}";

  @Test
  void oddDocumentsAreListedNotFatal() {
    LiveAccount a = AccountFile.parse(FILE, "acct.json").account();
    assertEquals(java.util.Set.of("fine"), a.roles().keySet());
    assertTrue(a.policies().isEmpty());
    assertEquals(2, a.unreadable().size());
    UnreadableDocument role = a.unreadable().get(0);
    assertEquals(UnreadableDocument.Kind.ROLE, role.kind());
    assertEquals("arn:aws:iam::111122223333:role/odd-role", role.arn());
    assertTrue(role.problem().contains("trust policy of role odd-role"), role.problem());
    assertTrue(role.problem().contains("not valid JSON at line 1"), role.problem());
    for (String internal : new String[] {"Source", "REDACTED", "StreamReadFeature"}) {
      assertFalse(role.problem().contains(internal), role.problem());
    }
    UnreadableDocument policy = a.unreadable().get(1);
    assertEquals(UnreadableDocument.Kind.POLICY, policy.kind());
    assertEquals("odd", policy.name());
    assertTrue(policy.problem().contains("at least one value"), policy.problem());
  }

  @Test
  void writingTheFileBackKeepsThem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("acct.json");
    Files.writeString(file, FILE);
    LocalAccountStore store = new LocalAccountStore(file);
    store.update(s -> new LocalState(new LiveAccount(s.account().accountId(),
        s.account().partition(), s.account().roles(), s.account().policies(),
        s.account().principals(), s.account().unreadable()), s.ecs()) /* a new object: written */);
    LiveAccount again = AccountFile.parse(Files.readString(file), "acct.json").account();
    assertEquals(2, again.unreadable().size());
    assertTrue(Files.readString(file).contains("\"aws:SourceArn\": [ ]"), Files.readString(file));
  }
}
