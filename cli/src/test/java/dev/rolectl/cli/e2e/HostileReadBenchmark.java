package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.HostileProxy.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not part of the regular suite. How soon a read stops when the endpoint pages without end
 * ({@link HostileProxy} answering {@code ListRoles}, everything else from moto): the same marker
 * again; a new marker every page, at once (stopped by the page cap); a new marker every page
 * after 50 ms (stopped by {@code --read-timeout 10s}). {@code plan} in process, one of each.
 *
 * <pre>
 * mvn -B -pl cli -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=HostileReadBenchmark
 * </pre>
 *
 * Figures land in {@code cli/target/benchmarks/hostile-reads.txt}.
 */
@org.junit.jupiter.api.Tag("e2e")
@org.junit.jupiter.api.Tag("benchmark")
@ExtendWith(MotoServer.class)
class HostileReadBenchmark {
  @TempDir Path dir;

  @Test
  void endlessPagination(Moto moto) throws Exception {
    Path stack = StackFiles.roles(dir, "hostile", "kept", 1);
    assertEquals(0, Side.moto(moto).rolectl("apply", stack.toString(), "--auto-approve").exit());
    StringBuilder report = new StringBuilder("hostile reads, " + Instant.now() + ", load "
        + Files.readString(Path.of("/proc/loadavg")).trim() + "\n");
    run(moto, stack, report, "same marker again",
        n -> Answer.xml(HostileAnswersE2E.listRolesPage("again")));
    run(moto, stack, report, "new marker every page, at once",
        n -> Answer.xml(HostileAnswersE2E.listRolesPage("m" + n)));
    run(moto, stack, report, "new marker every page after 50 ms, --read-timeout 10s",
        n -> new Answer(200, "text/xml", HostileAnswersE2E.listRolesPage("m" + n), 50),
        "--read-timeout", "10s");
    Path out = Path.of("target", "benchmarks", "hostile-reads.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
  }

  private static void run(Moto moto, Path stack, StringBuilder report, String what,
      IntFunction<Answer> answer, String... more) throws Exception {
    try (HostileProxy proxy = new HostileProxy(moto)) {
      proxy.answer("ListRoles", answer);
      String[] args = new String[4 + more.length];
      args[0] = "plan";
      args[1] = stack.toString();
      args[2] = "--target";
      args[3] = "aws";
      System.arraycopy(more, 0, args, 4, more.length);
      long start = System.nanoTime();
      TestCli.Run r = TestCli.run(proxy.env(), args);
      double s = (System.nanoTime() - start) / 1e9;
      report.append(String.format("%s: exit %d after %.1f s, %d ListRoles calls: %s%n", what,
          r.exit(), s, proxy.count("ListRoles"), r.err().lines().filter(l -> l.startsWith("error"))
              .findFirst().orElse("").replaceAll("(.{200}).*", "$1...")));
      assertEquals(1, r.exit(), r::toString);
    }
  }
}
