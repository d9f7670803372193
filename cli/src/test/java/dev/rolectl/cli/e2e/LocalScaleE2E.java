package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveManagedPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code local:} apply of 1,500 customer managed policies (the real CLI as a child process),
 * killed with SIGKILL while it runs, right after it first replaced the account file (a batch
 * write, not the last): the file is a consistent account holding part of the work, every policy
 * in it carries the stack's tag, and running apply again converges. The same for destroying
 * them. (ApplyInterruptE2E kills applies on local at random changes.)
 */
@Tag("e2e")
class LocalScaleE2E {
  static final int POLICIES = 1500;
  static final String STACK = "scale";
  static final String PREFIX = "scale";

  @Test
  void killedAppliesOfManyPoliciesLeaveAConsistentFileAndConverge(@TempDir Path dir) throws Exception {
    Path account = dir.resolve("account.json");
    Side side = Side.local(account);
    List<String> documents = IntStream.range(0, 50).mapToObj(StackFiles::bucketPolicy).toList();
    Path full = StackFiles.policies(dir, STACK, PREFIX, POLICIES, documents);
    Path empty = StackFiles.empty(dir, STACK);

    int created = killAfterFirstWrite(side, account, full);
    assertTrue(created > 0 && created < POLICIES, "the kill came between batch writes: " + created);
    converge(side, full, POLICIES);

    int left = killAfterFirstWrite(side, account, empty);
    assertTrue(left > 0 && left < POLICIES, "the kill came between batch writes: " + left);
    converge(side, empty, 0);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
          "no temp file is left once an apply has run to the end");
    }
  }

  /**
   * Runs apply in a child process and kills it once it has replaced the account file. Returns how many of the stack's policies the file holds then, after
   * checking that it is a consistent account file whose policies are all the stack's.
   */
  private static int killAfterFirstWrite(Side side, Path account, Path stack) throws Exception {
    Object before = signature(account);
    ChildCli child = ChildCli.start(Map.of(), line -> false,
        "apply", stack.toString(), "--target", side.target(), "--auto-approve");
    int changes = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (changes < 1 && child.process.isAlive() && System.nanoTime() < deadline) {
      Object now = signature(account);
      if (!Objects.equals(now, before)) {
        changes++;
        before = now;
      }
      Thread.sleep(5);
    }
    boolean killed = child.kill();
    assertTrue(killed, "the apply ended before it replaced the account file:\n" + child.output());
    LiveAccount live = side.read(); // a complete, valid account file, or the test fails here
    List<LiveManagedPolicy> ours = policies(live);
    for (LiveManagedPolicy p : ours) {
      assertEquals(STACK, p.tags().get("rolectl:stack"), p.name() + " is unowned");
    }
    System.err.printf("[local-scale] %s killed after its first write: %d of %d policies in the file%n",
        stack.getFileName(), ours.size(), POLICIES);
    return ours.size();
  }

  private static void converge(Side side, Path stack, int expected) {
    TestCli.Run rerun = side.rolectl("apply", stack.toString(), "--auto-approve");
    assertEquals(0, rerun.exit(), rerun::toString);
    TestCli.Run again = side.rolectl("plan", stack.toString());
    assertEquals(0, again.exit(), again::toString);
    assertTrue(again.out().contains("No changes."), again::toString);
    assertEquals(expected, policies(side.read()).size());
  }

  private static List<LiveManagedPolicy> policies(LiveAccount live) {
    return live.policies().values().stream().filter(p -> p.name().startsWith(PREFIX)).toList();
  }

  /** The file's identity, size and time (a rename or a rewrite changes it); null when missing. */
  private static Object signature(Path file) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime());
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
