package dev.rolectl.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline paths stay fast: opening and reading a file target loads no AWS SDK class. */
class NoSdkForFileTargetsTest {

  /** Run in a child JVM: opens the target given as the argument and reads it. */
  public static void main(String[] args) {
    try (Target t = Targets.open(args[0], TargetOptions.defaults())) {
      System.out.println("roles=" + t.iam().read(ReadRequest.everything()).roles().size());
    }
  }

  @Test
  void aLocalTargetLoadsNoSdkClass(@TempDir Path dir) throws Exception {
    String classes = run("local:" + dir.resolve("account.json"));
    assertTrue(classes.contains("roles=0"), classes);
    assertTrue(classes.contains("dev.rolectl.engine.live.local.FileTarget"), "sanity: -verbose:class works");
    assertFalse(classes.contains("software.amazon.awssdk"), "an SDK class was loaded");
    assertFalse(classes.contains("dev.rolectl.engine.live.aws."), "the aws adapter was loaded");
  }

  private static String run(String spec) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class",
                "-Xshare:off",
                "-cp",
                System.getProperty("java.class.path"),
                NoSdkForFileTargetsTest.class.getName(),
                spec)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
