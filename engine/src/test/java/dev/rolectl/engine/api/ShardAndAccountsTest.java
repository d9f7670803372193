package dev.rolectl.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardAndAccountsTest {
  static List<AccountRef> accounts(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> new AccountRef(String.format("%012d", 100_000_000_000L + i * 7919L), ""))
        .toList();
  }

  @Test
  void shardsCoverEveryAccountOnceWhateverTheOrder() {
    List<AccountRef> all = accounts(50);
    List<AccountRef> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new java.util.Random(7));
    Set<AccountRef> seen = new HashSet<>();
    for (int i = 1; i <= 3; i++) {
      List<AccountRef> mine = Shard.parse(i + "/3").select(all);
      assertEquals(mine, new Shard(i, 3).select(shuffled), "deterministic");
      assertTrue(mine.size() == 16 || mine.size() == 17, "balanced: " + mine.size());
      mine.forEach(a -> assertTrue(seen.add(a), "once: " + a));
    }
    assertEquals(50, seen.size());
  }

  @Test
  void badShardsAreClearErrors() {
    for (String bad : List.of("0/2", "3/2", "1/0", "a/b", "1-2", "")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad));
      assertTrue(e.getMessage().contains("I/N"), e.getMessage());
    }
  }

  @Test
  void theAccountsFileNamesTheLineOfABadEntry(@TempDir Path dir) throws Exception {
    Path good = Files.writeString(dir.resolve("a.txt"),
        "\uFEFF# prod\n111111111111 payments\n\n222222222222,search # comment\n");
    assertEquals(List.of(new AccountRef("111111111111", "payments"),
        new AccountRef("222222222222", "search")), Accounts.fromFile(good));
    Path bad = Files.writeString(dir.resolve("b.txt"), "111111111111\n11111 short\n");
    Refused e = assertThrows(Refused.class, () -> Accounts.fromFile(bad));
    assertTrue(e.getMessage().contains("b.txt:2:1") && e.getMessage().contains("'11111'"),
        e.getMessage());
    assertThrows(Refused.class, () -> Accounts.fromFile(dir.resolve("missing.txt")));
    Path bom = Files.writeString(dir.resolve("bom.txt"), "\uFEFF111111111111 payments\n");
    assertEquals(List.of(new AccountRef("111111111111", "payments")), Accounts.fromFile(bom),
        "a byte order mark is skipped");
    Path twice = Files.writeString(dir.resolve("twice.txt"),
        "111111111111 payments\n222222222222\n111111111111 payments\n");
    Refused dup = assertThrows(Refused.class, () -> Accounts.fromFile(twice));
    assertTrue(dup.getMessage().contains("twice.txt:3:1: account 111111111111 is already on line"
        + " 1;"), dup.getMessage());
    Path renamed = Files.writeString(dir.resolve("renamed.txt"),
        "111111111111 payments\n111111111111 search\n");
    Refused other = assertThrows(Refused.class, () -> Accounts.fromFile(renamed));
    assertTrue(other.getMessage().contains("renamed.txt:2:1") && other.getMessage().contains(
        "under another name ('payments', here 'search')"), other.getMessage());
    Refused given = assertThrows(Refused.class,
        () -> Accounts.of(List.of("111111111111", "111111111111")));
    assertTrue(given.getMessage().contains("111111111111 is given twice"), given.getMessage());
    assertThrows(Refused.class, () -> Accounts.of(List.of("111111111111", "nope")));
  }

  @Test
  void aLineOfIdsOnlyIsSeveralAccounts(@TempDir Path dir) throws Exception {
    List<AccountRef> three = List.of(new AccountRef("111111111111", ""),
        new AccountRef("222222222222", ""), new AccountRef("333333333333", ""));
    // aws organizations list-accounts --query 'Accounts[].Id' --output text; a comma list; spaces
    for (String line : List.of("111111111111\t222222222222\t333333333333\n",
        "111111111111,222222222222, 333333333333\n", "111111111111 222222222222  333333333333")) {
      Path f = Files.writeString(dir.resolve("ids.txt"), line);
      assertEquals(three, Accounts.fromFile(f), line);
    }
    Path mixed = Files.writeString(dir.resolve("mixed.txt"),
        "444444444444 ok\n111111111111 payments 222222222222\n");
    Refused e = assertThrows(Refused.class, () -> Accounts.fromFile(mixed));
    assertTrue(e.getMessage().contains("mixed.txt:2:1: several account ids and other words on one"
        + " line"), e.getMessage());
    Path again = Files.writeString(dir.resolve("again.txt"), "111111111111 111111111111\n");
    Refused dup = assertThrows(Refused.class, () -> Accounts.fromFile(again));
    assertTrue(dup.getMessage().contains("again.txt:1:1: account 111111111111 is already on this"
        + " line"), dup.getMessage());
    assertEquals(List.of(new AccountRef("111111111111", "prod 2024")),
        Accounts.fromFile(Files.writeString(dir.resolve("name.txt"), "111111111111 prod 2024\n")),
        "a name with a shorter number is still a name");
  }

  @Test
  void anAccountsFileThatIsNotUtf8IsSaidToBeSo(@TempDir Path dir) throws Exception {
    for (byte[] bytes : List.of("\uFEFF111111111111 a\n".getBytes(
        java.nio.charset.StandardCharsets.UTF_16LE), "111111111111 a\n".getBytes(
        java.nio.charset.StandardCharsets.UTF_16LE))) {
      Path f = Files.write(dir.resolve("utf16.txt"), bytes);
      Refused e = assertThrows(Refused.class, () -> Accounts.fromFile(f));
      assertTrue(e.getMessage().startsWith(f + ":1:") && e.getMessage().contains("the accounts"
          + " file") && e.getMessage().contains("UTF-16"), e.getMessage());
    }
  }

  @Test
  void theRoleToAssumeIsBuiltFromItsNameAndChecked() {
    AccountAccess access = new AccountAccess(dev.rolectl.engine.live.TargetOptions.defaults(),
        "OrganizationAccountAccessRole", "ext", "ci-run", "aws-cn");
    assertEquals("arn:aws-cn:iam::111111111111:role/OrganizationAccountAccessRole",
        access.roleArn("111111111111"));
    var role = access.optionsFor("111111111111").assumeRole();
    assertEquals("111111111111", role.accountId());
    assertEquals("ext", role.externalId());
    assertEquals("arn:aws-cn:sts::111111111111:assumed-role/OrganizationAccountAccessRole/ci-run",
        role.sessionArn());
    assertThrows(IllegalArgumentException.class, () -> new AccountAccess(
        dev.rolectl.engine.live.TargetOptions.defaults(), "bad name", null, "rolectl", "aws"));
    assertThrows(IllegalArgumentException.class, () -> new AccountAccess(
        dev.rolectl.engine.live.TargetOptions.defaults(), "R", null, "x", "aws"));
    IllegalArgumentException arn = assertThrows(IllegalArgumentException.class, () ->
        new AccountAccess(dev.rolectl.engine.live.TargetOptions.defaults(),
            "arn:aws:iam::111111111111:role/ops/Deployer", null, "rolectl", "aws"));
    assertTrue(arn.getMessage().contains("not its ARN") && arn.getMessage().contains(
        "--assume-role ops/Deployer"), arn.getMessage());
  }
}
