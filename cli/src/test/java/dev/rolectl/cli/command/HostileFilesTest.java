package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.RepoFiles;
import dev.rolectl.cli.TestCli;
import dev.rolectl.engine.plan.AccountPlan;
import dev.rolectl.engine.plan.MultiPlan;
import dev.rolectl.engine.plan.MultiPlanFile;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanFile;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files through the real CLI (in-process), per kind of file a user hands rolectl: saved
 * plans ({@code show}, {@code apply}), multi-account plans and shards ({@code show}, {@code
 * merge}, {@code apply}), account files ({@code plan} and {@code apply} with {@code snapshot:} and
 * {@code local:}), accounts files ({@code --accounts-file}). Each variant (a key twice, text after
 * the end, versions that are not whole numbers, a number or nesting too large, cut short, empty,
 * UTF-16, binary, NUL, an endless stream, a file past the limit, fields missing or null, unknown
 * values) exits 1 with an error at the file's line and column, in words: no stack trace, no
 * exception class, no Java or Jackson wording; and nothing is written.
 */
class HostileFilesTest {
  static final String STACK =
      RepoFiles.root().resolve("examples/ecs-blue-green/stack.yaml").toString();
  static final Map<String, String> ENV = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9",
      "AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "x", "AWS_REGION", "us-east-1",
      "AWS_MAX_ATTEMPTS", "1");
  /** Java's and Jackson's words, exception classes, stack frames. */
  static final Pattern INTERNALS = Pattern.compile("Exception|[A-Z][a-z]+Error\\b|java\\.|com\\.fasterxml|"
      + "[Jj]ackson|Cannot invoke|No enum constant|overflow|\\tat |StreamRead|Deserialization"
      + "Feature|`|\\[Source:|dev\\.rolectl\\.|at [a-z]+\\.[a-z]+\\.");

  @TempDir Path dir;
  Path account;
  String plan;
  String multi;
  String accountText;

  @BeforeEach
  void files() throws Exception {
    account = Files.copy(RepoFiles.root().resolve("examples/ecs-blue-green/demo/account.json"),
        dir.resolve("account.json"));
    accountText = Files.readString(account);
    Path out = dir.resolve("plan.json");
    TestCli.Run made = TestCli.run(Map.of(), "plan", STACK, "--target",
        "local:" + dir.resolve("empty.json"), "--out", out.toString());
    assertEquals(0, made.exit(), made::toString);
    plan = Files.readString(out);
    Plan p = PlanFile.read(plan);
    multi = MultiPlanFile.write(new MultiPlan(MultiPlan.FORMAT_VERSION, p.stack(), "0".repeat(64),
        Instant.parse("2026-12-01T00:00:00Z"), List.of(), List.of(AccountPlan.planned(
            p.accountId(), "team", null, p)), MultiPlan.accountsDigest(List.of(p.accountId()))));
  }

  @Test
  void hostileSavedPlansAreRefusedAtALineAndColumnInWords() throws Exception {
    Map<String, byte[]> variants = jsonVariants(plan, "\"formatVersion\" : " + dev.rolectl.engine.plan.Plan.FORMAT_VERSION);
    variants.put("kind gadget", plan.replaceFirst("\"kind\" : \"[a-z_]+\"", "\"kind\" : \"gadget\"")
        .getBytes(StandardCharsets.UTF_8));
    variants.put("stack missing", plan.replaceFirst("\"stack\" : \"[^\"]+\",", "")
        .getBytes(StandardCharsets.UTF_8));
    variants.put("changes null", plan.replaceFirst("\"changes\" : \\[", "\"changes\" : null,"
        + " \"x\": [").getBytes(StandardCharsets.UTF_8));
    variants.put("createdAt after the end of time", plan.replaceFirst(
        "\"createdAt\" : \"[^\"]+\"", "\"createdAt\" : \"+1000000001-01-01T00:00:00Z\"")
        .getBytes(StandardCharsets.UTF_8));
    int runs = 0;
    for (var v : variants.entrySet()) {
      Path f = write(dir.resolve("hostile-plan.json"), v.getValue());
      for (List<String> args : List.of(List.of("show", f.toString()),
          List.of("apply", f.toString(), "--auto-approve"))) {
        refusedInWords(v.getKey(), f, args);
        runs++;
      }
    }
    // (apply takes a path that is not a regular file for a stack: see StackLoader's own tests)
    refusedInWords("/dev/zero", Path.of("/dev/zero"), List.of("show", "/dev/zero"));
    assertTrue(runs > 40, "runs: " + runs);
    assertFalse(Files.exists(dir.resolve("empty.json")), "apply wrote nothing");
  }

  @Test
  void hostileMultiAccountPlansAndShardsAreRefusedAtALineAndColumnInWords() throws Exception {
    Map<String, byte[]> variants = jsonVariants(multi, "\"formatVersion\" : 1");
    variants.put("an account's plan with formatVersion \"2\"", multi.replaceFirst(
        "\"formatVersion\" : " + dev.rolectl.engine.plan.Plan.FORMAT_VERSION, "\"formatVersion\" : \"" + dev.rolectl.engine.plan.Plan.FORMAT_VERSION + "\"").getBytes(StandardCharsets.UTF_8));
    variants.put("an account's plan with a key twice", multi.replaceFirst("\"liveFingerprint\"",
        "\"liveFingerprint\" : \"x\", \"liveFingerprint\"").getBytes(StandardCharsets.UTF_8));
    Path good = Files.writeString(dir.resolve("good-shard.json"), multi);
    for (var v : variants.entrySet()) {
      Path f = write(dir.resolve("hostile-many.json"), v.getValue());
      String name = v.getKey();
      refusedInWords(name, f, List.of("show", f.toString()));
      refusedInWords(name, f, List.of("merge", good.toString(), f.toString()));
      refusedInWords(name, f, List.of("apply", f.toString(), "--auto-approve"));
    }
  }

  @Test
  void hostileAccountFilesAreRefusedAtALineAndColumnInWordsAndLeftAsTheyAre() throws Exception {
    Map<String, byte[]> variants = jsonVariants(accountText, null);
    variants.remove("empty");
    variants.remove("blank");
    for (String id : List.of("123456789012", "true", "[]", "{}", "1e400")) {
      variants.put("AccountId " + id, accountText.replace("\"AccountId\": \"123456789012\"",
          "\"AccountId\": " + id).getBytes(StandardCharsets.UTF_8));
    }
    variants.put("RoleName a number", accountText.replaceFirst("\"RoleName\": \"[^\"]+\"",
        "\"RoleName\": 7").getBytes(StandardCharsets.UTF_8));
    variants.put("JSON that is not an account file", "{\"name\": \"web\", \"version\": \"1.0\"}"
        .getBytes(StandardCharsets.UTF_8));
    for (var v : variants.entrySet()) {
      Path f = write(dir.resolve("hostile-account.json"), v.getValue());
      for (List<String> args : List.of(
          List.of("plan", STACK, "--target", "snapshot:" + f),
          List.of("plan", STACK, "--target", "local:" + f),
          List.of("apply", STACK, "--target", "local:" + f, "--auto-approve"))) {
        refusedInWords(v.getKey(), f, args);
        if (v.getValue() != null) {
          assertArrayEquals(v.getValue(), Files.readAllBytes(f), v.getKey() + ": left as it was");
        }
        assertFalse(Files.exists(dir.resolve("hostile-account.json.lock")),
            v.getKey() + ": no lock file made");
      }
    }
    for (String target : List.of("snapshot:/dev/zero", "local:/dev/zero")) {
      refusedInWords("/dev/zero", Path.of("/dev/zero"), List.of("plan", STACK, "--target", target));
    }
  }

  /**
   * Times at the ends of what Java can hold (in TakenAt, the ECS scan time, a deployment's start
   * and a role's last use) give no Java wording ("long overflow"), whatever the command decides.
   */
  @Test
  void timesAtTheEndsOfTimeGiveNoJavaWording() throws Exception {
    for (String time : List.of("+1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z",
        "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z")) {
      String text = accountText.replace("{\n  \"AccountId\"", "{\n  \"TakenAt\": \"" + time
          + "\",\n  \"AccountId\"").replaceAll("\"(startedAt|createdAt|scannedAt)\": \"[^\"]+\"",
          "\"$1\": \"" + time + "\"");
      Path f = Files.writeString(dir.resolve("times.json"), text);
      Path saved = Files.writeString(dir.resolve("times-plan.json"), plan.replaceFirst(
          "\"createdAt\" : \"[^\"]+\"", "\"createdAt\" : \"" + time + "\""));
      for (String command : List.of("show", "apply")) {
        TestCli.Run r = TestCli.run(ENV, command, saved.toString(), "--auto-approve");
        Matcher m = INTERNALS.matcher(r.err() + r.out());
        assertFalse(m.find(), time + " " + command + ": '" + (m.hitEnd() ? "" : m.group())
            + "' in " + r);
      }
      for (List<String> args : List.of(List.of("plan", STACK, "--target", "snapshot:" + f),
          List.of("plan", STACK, "--target", "local:" + f),
          List.of("plan", RepoFiles.root().resolve("examples/ecs-blue-green/demo/teardown.yaml")
              .toString(), "--target", "snapshot:" + f))) {
        TestCli.Run r = TestCli.run(ENV, args.toArray(String[]::new));
        Matcher m = INTERNALS.matcher(r.err() + r.out());
        assertFalse(m.find(), time + " " + args + ": '" + (m.hitEnd() ? "" : m.group()) + "' in "
            + r);
      }
    }
  }

  @Test
  void hostileAccountsFilesAreRefusedAtALineAndColumnInWords() throws Exception {
    Map<String, byte[]> variants = new LinkedHashMap<>(byteVariants("111111111111 prod\n"));
    for (var v : variants.entrySet()) {
      Path f = write(dir.resolve("accounts.txt"), v.getValue());
      refusedInWords(v.getKey(), f, List.of("plan", STACK, "--accounts-file", f.toString(),
          "--assume-role", "R"));
    }
    refusedInWords("/dev/zero", Path.of("/dev/zero"), List.of("plan", STACK, "--accounts-file",
        "/dev/zero", "--assume-role", "R"));
  }

  /** The CLI refused: exit 1, an error at FILE:LINE:COL, no internals. */
  private void refusedInWords(String variant, Path file, List<String> args) {
    TestCli.Run r = TestCli.run(ENV, args.toArray(String[]::new));
    String what = variant + " / " + String.join(" ", args.subList(0, 1)) + ":\n" + r;
    assertEquals(1, r.exit(), what);
    assertTrue(Pattern.compile(Pattern.quote(file.toString()) + ":\\d+:\\d+: ").matcher(r.err())
        .find(), "not located: " + what);
    Matcher m = INTERNALS.matcher(r.err());
    assertFalse(m.find(), "'" + (m.hitEnd() ? "" : m.group()) + "' in " + what);
  }

  /** Text and byte attacks on a JSON file whose version field is {@code version}. */
  private Map<String, byte[]> jsonVariants(String json, String version) throws Exception {
    Map<String, String> text = new LinkedHashMap<>();
    String first = json.substring(json.indexOf('"'), json.indexOf('"', json.indexOf('"') + 1) + 1);
    text.put("a key twice", json.replaceFirst(Pattern.quote(first), Matcher.quoteReplacement(
        first + ": 1, " + first)));
    text.put("garbage after the end", json + "garbage");
    text.put("a second object after the end", json + "{}");
    if (version != null) {
      String name = version.substring(0, version.indexOf(':') + 1);
      String number = version.substring(version.indexOf(':') + 1).strip();
      for (String v : List.of("\"" + number + "\"", number + ".5", number + ".0", "true", "null",
          "1e400", "9".repeat(30), "-" + number, "[" + number + "]")) {
        text.put("version " + v, json.replace(version, name + " " + v));
      }
    }
    text.put("a number of 5,000 digits", json.replaceFirst("\\{", "{\"n\": " + "7".repeat(5000)
        + ", "));
    text.put("nested 100,000 deep", "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
    text.put("cut in half", json.substring(0, json.length() / 2));
    text.put("empty", "");
    text.put("blank", "  \n");
    text.put("a comment", "// by hand\n" + json);
    text.put("NaN", json.replaceFirst("\\{", "{\"n\": NaN, "));
    text.put("a JSON array", "[" + json + "]");
    Map<String, byte[]> out = new LinkedHashMap<>();
    text.forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
    out.putAll(byteVariants(json));
    return out;
  }

  private Map<String, byte[]> byteVariants(String text) throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put("UTF-16 with a byte order mark", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));
    out.put("UTF-16 without a byte order mark", text.getBytes(StandardCharsets.UTF_16LE));
    byte[] random = new byte[2048];
    new java.util.Random(16).nextBytes(random);
    out.put("binary", random);
    out.put("Latin-1", ("{\"a\": \"caf\u00e9\"}\n" + text).getBytes(StandardCharsets.ISO_8859_1));
    out.put("300 MiB (sparse)", null); // see write
    return out;
  }

  /** The file with {@code bytes}; for null, 300 MiB of NULs (sparse), past every limit. */
  private static Path write(Path file, byte[] bytes) throws Exception {
    if (bytes != null) {
      return Files.write(file, bytes);
    }
    Files.deleteIfExists(file);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(300L * 1024 * 1024);
    }
    return file;
  }
}
