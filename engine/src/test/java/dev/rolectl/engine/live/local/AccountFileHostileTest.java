package dev.rolectl.engine.live.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.input.JsonMutations;
import dev.rolectl.engine.input.JsonMutations.Mutation;
import dev.rolectl.engine.live.TargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Account files ({@code local:}, {@code snapshot:}) as hostile files: every value of the demo
 * account (with a group, an inline policy, a boundary, last use and TakenAt added) deleted, made
 * null or retyped, attacks on the text and on the bytes. Each either reads or is a {@link
 * TargetException} whose message names the file with a line and column, in words.
 */
class AccountFileHostileTest {
  private static final String FILE = "acct.json";
  private static final Pattern LOCATED = Pattern.compile(Pattern.quote(FILE) + ":\\d+:\\d+: ");

  static String richAccount() throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = (ObjectNode) mapper.readTree(
        Files.readString(Path.of("../examples/ecs-blue-green/demo/account.json")));
    root.put("TakenAt", "2026-11-29T10:00:00Z");
    ArrayNode groups = root.putArray("GroupDetailList");
    groups.addObject().put("GroupName", "ops").putArray("AttachedManagedPolicies").addObject()
        .put("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess");
    ObjectNode role = (ObjectNode) root.get("RoleDetailList").get(0);
    role.putObject("PermissionsBoundary").put("PermissionsBoundaryType", "Policy")
        .put("PermissionsBoundaryArn", "arn:aws:iam::aws:policy/PowerUserAccess");
    role.putObject("RoleLastUsed").put("LastUsedDate", "2026-11-01T00:00:00Z")
        .put("Region", "us-east-1");
    ((ArrayNode) role.get("RolePolicyList")).addObject().put("PolicyName", "logs")
        .put("PolicyDocument", "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B"
            + "%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22logs%3A*%22%2C%22Resource%22%3A"
            + "%22*%22%7D%5D%7D");
    role.putArray("InstanceProfileList").addObject().put("InstanceProfileName", "ip");
    return mapper.writeValueAsString(root);
  }

  @Test
  void everyValueDeletedNulledOrRetypedReadsOrIsALocatedErrorInWords() throws Exception {
    String json = richAccount();
    AccountFile.parse(json, FILE); // the file itself reads
    List<Mutation> mutations = JsonMutations.perValue(json);
    List<String> failures = JsonMutations.failures(mutations, m -> check(m.json()));
    assertEquals(List.of(), failures, failures.size() + " of " + mutations.size());
    long refused = mutations.stream().filter(m -> check(m.json()) == null && refused(m.json()))
        .count();
    assertTrue(mutations.size() > 300 && refused > mutations.size() / 4,
        refused + " of " + mutations.size() + " refused");
  }

  @Test
  void attacksOnTheTextAreRefusedAtALineAndColumn() throws Exception {
    List<Mutation> mutations = new ArrayList<>(JsonMutations.onText(richAccount()));
    mutations.removeIf(m -> m.what().equals("blank") || m.what().equals("empty"));
    List<String> failures = JsonMutations.failures(mutations, m -> {
      String problem = check(m.json());
      return problem != null ? problem : refused(m.json()) ? null : "read, but it is not an account";
    });
    assertEquals(List.of(), failures);
  }

  @Test
  void attacksOnTheBytesAreRefusedAtALineAndColumn(@TempDir Path dir) throws Exception {
    for (Map.Entry<String, byte[]> e : JsonMutations.onBytes(richAccount()).entrySet()) {
      Path file = Files.write(dir.resolve(FILE), e.getValue());
      TargetException t = assertThrows(TargetException.class, () -> AccountFile.read(file),
          e.getKey());
      assertTrue(t.getMessage().startsWith(file + ":"), e.getKey() + ": " + t.getMessage());
      assertEquals(null, JsonMutations.internals(t.getMessage()), e.getKey());
      assertTrue(t.location().isPresent(), e.getKey());
    }
  }

  /** An endless file (/dev/zero) and one past the limit are refused without reading them whole. */
  @Test
  void endlessAndHugeFilesAreRefused(@TempDir Path dir) throws Exception {
    Path zero = Path.of("/dev/zero");
    if (Files.exists(zero)) {
      TargetException t = assertThrows(TargetException.class, () -> AccountFile.read(zero));
      assertTrue(t.getMessage().contains("not a regular file"), t.getMessage());
    }
    Path huge = dir.resolve("huge.json");
    try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(AccountFile.KIND.maxBytes() + 1); // sparse: nothing is written
    }
    TargetException t = assertThrows(TargetException.class, () -> AccountFile.read(huge));
    assertEquals(huge + ":1:1: the account file is 257 MiB; rolectl reads at most 256 MiB of it:"
        + " is it the right file?", t.getMessage());
  }

  /** Null when parse accepts, or refuses at a line and column in words; else what is wrong. */
  static String check(String json) {
    try {
      AccountFile.parse(json, FILE);
      return null;
    } catch (TargetException e) {
      if (!LOCATED.matcher(e.getMessage()).find()) {
        return "not located: " + e.getMessage();
      }
      return JsonMutations.internals(e.getMessage());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return "threw " + e;
    }
  }

  private static boolean refused(String json) {
    try {
      AccountFile.parse(json, FILE);
      return false;
    } catch (TargetException e) {
      return true;
    }
  }
}
