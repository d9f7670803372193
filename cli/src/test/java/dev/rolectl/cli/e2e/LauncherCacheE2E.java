package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.CliRun;
import dev.rolectl.cli.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ({@code cli/src/dist/bin/rolectl}, which the source tree's {@code ./rolectl} runs)
 * and its class-data-sharing cache. A CDS archive is code the JVM maps into the process: an
 * archive planted by someone else changed a victim's output (issue 16). The launcher makes its
 * cache 0700 and its archives 0400, and uses an archive only from a cache that is the user's and
 * private, with every directory above it the user's or root's and not writable by others unless
 * sticky, and only when the archive is the user's and writable by nobody else; otherwise one line
 * on stderr says why and rolectl runs without CDS. Without HOME and a cache variable, no CDS.
 *
 * <p>Whether the JVM mapped the archive is read from its class loading log ({@code
 * -Xlog:class+load}: "source: shared objects file (top)" is a class from the dynamic archive).
 * The tests run {@code version} (the offline profile: its archive is made in about a second); one
 * archive is made in {@link #makeOneArchive} and copied where a test needs one.
 */
@Tag("e2e")
class LauncherCacheE2E {
  private static final String FROM_ARCHIVE = "source: shared objects file (top)";
  private static final int OTHER_UID = 4242;

  @TempDir static Path shared;
  @TempDir Path tmp;

  /** An archive the launcher made, to copy into the caches of the tests. */
  private static Path archive;

  @BeforeAll
  static void makeOneArchive() throws IOException {
    Path cache = shared.resolve("first-cache");
    CliRun first = launcher(shared, Map.of("ROLECTL_CACHE_DIR", cache.toString()), "version");
    assertEquals(0, first.exitCode(), first.toString());
    assertEquals("", first.err(), first.toString());
    List<Path> made = list(cache);
    assertEquals(1, made.size(), "one archive and nothing else (no temp file left): " + made);
    archive = made.get(0);
    assertTrue(archive.getFileName().toString().matches("rolectl-\\d+-offline\\.jsa"), made.toString());
  }

  @Test
  void cacheIsMadePrivateAndArchivesReadOnlyAndUsed() throws IOException {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CACHE_HOME", "",
        "ROLECTL_CACHE_DIR", "");
    CliRun made = launcher(tmp, env, "version");
    assertEquals(0, made.exitCode(), made.toString());
    Path cache = home.resolve(".cache/rolectl");
    assertEquals("rwx------", mode(cache));
    assertEquals("rwx------", mode(home.resolve(".cache")), "the directories made for the cache");
    List<Path> archives = list(cache);
    assertEquals(1, archives.size(), archives.toString());
    assertEquals("r--------", mode(archives.get(0)));

    Run again = logged(env);
    assertEquals("", again.run().err(), again.run().toString());
    assertTrue(again.fromArchive() > 100, "the archive is used: " + again.fromArchive() + " classes");
  }

  @Test
  void relativeXdgCacheHomeIsIgnoredAsTheXdgSpecSays() throws IOException {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path work = Files.createDirectories(tmp.resolve("work"));
    Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CACHE_HOME", "cache",
        "ROLECTL_CACHE_DIR", "", "ROLECTL_CDS_TRAIN", "0");
    CliRun run = launcher(work, env, "version");
    assertEquals(0, run.exitCode(), run.toString());
    assertEquals(List.of(), list(work), "nothing made below the working directory");
    assertTrue(Files.isDirectory(home.resolve(".cache/rolectl")), "the cache is below HOME");
  }

  @Test
  void groupWritableCacheIsNotUsedAndTheRunSaysWhy() throws IOException {
    Path cache = cacheWithArchive(tmp.resolve("cache"));
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwx---"));
    Map<String, String> env = Map.of("ROLECTL_CACHE_DIR", cache.toString());

    Run run = logged(env);
    assertEquals(0, run.run().exitCode(), run.run().toString());
    assertTrue(run.run().out().startsWith("rolectl "), run.run().toString());
    assertEquals(List.of("rolectl: running without class-data sharing: the cache " + cache
            + " is writable by group or others (drwxrwx---): make it private (chmod 700 '" + cache
            + "')"),
        run.run().err().lines().toList());
    assertEquals(0, run.fromArchive(), "no class from the archive");

    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx---rwx"));
    assertTrue(logged(env).run().err().contains("is writable by group or others (drwx---rwx)"));
  }

  @Test
  void groupWritableArchiveIsNotUsed() throws IOException {
    Path cache = cacheWithArchive(tmp.resolve("cache"));
    Path jsa = cache.resolve(archive.getFileName());
    Files.setPosixFilePermissions(jsa, PosixFilePermissions.fromString("rw-rw-r--"));
    Run run = logged(Map.of("ROLECTL_CACHE_DIR", cache.toString()));
    assertEquals(0, run.run().exitCode(), run.run().toString());
    assertEquals(List.of("rolectl: running without class-data sharing: the archive " + jsa
            + " is writable by group or others (-rw-rw-r--): it may hold someone else's code;"
            + " delete it (rm -f '" + jsa + "') to have it made again"),
        run.run().err().lines().toList());
    assertEquals(0, run.fromArchive());
  }

  @Test
  void cacheBelowADirectoryOthersCanWriteIsNotUsed() throws IOException {
    Path open = Files.createDirectories(tmp.resolve("open"));
    Path cache = cacheWithArchive(open.resolve("cache"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    Run run = logged(Map.of("ROLECTL_CACHE_DIR", cache.toString()));
    assertTrue(run.run().err().startsWith("rolectl: running without class-data sharing: " + open
        + ", above the cache " + cache + ", is writable by group or others and not sticky"
        + " (drwxrwxrwx)"), run.run().toString());
    assertEquals(0, run.fromArchive());

    // sticky, as /tmp: others cannot rename or replace what is not theirs
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    chmodSticky(open);
    Run used = logged(Map.of("ROLECTL_CACHE_DIR", cache.toString()));
    assertEquals("", used.run().err());
    assertTrue(used.fromArchive() > 100);
  }

  @Test
  void symbolicLinkInPlaceOfTheArchiveIsNotUsed() throws IOException {
    Path cache = cacheWithArchive(tmp.resolve("cache"));
    Path jsa = cache.resolve(archive.getFileName());
    Path elsewhere = tmp.resolve("elsewhere.jsa");
    Files.move(jsa, elsewhere);
    Files.createSymbolicLink(jsa, elsewhere);
    Run run = logged(Map.of("ROLECTL_CACHE_DIR", cache.toString()));
    assertTrue(run.run().err().startsWith("rolectl: running without class-data sharing: the"
        + " archive " + jsa + " is not a regular file (lrwxrwxrwx)"), run.run().toString());
    assertEquals(0, run.fromArchive());
  }

  /**
   * An archive of another uid in the user's own private cache (say, restored from a CI cache by
   * tar running as root, which keeps the owner) is not used. Needs root, to give a file away.
   */
  @Test
  void archiveOwnedBySomeoneElseIsNotUsed() throws IOException {
    assumeRoot("giving a file to another uid (chown)");
    Path cache = cacheWithArchive(tmp.resolve("cache"));
    Path jsa = cache.resolve(archive.getFileName());
    Files.setAttribute(jsa, "unix:uid", OTHER_UID);
    Run run = logged(Map.of("ROLECTL_CACHE_DIR", cache.toString()));
    assertEquals(0, run.run().exitCode(), run.run().toString());
    assertEquals(List.of("rolectl: running without class-data sharing: the archive " + jsa
            + " is owned by uid " + OTHER_UID + ", not by you (uid " + uid() + "): it may hold"
            + " someone else's code; delete it (rm -f '" + jsa + "') to have it made again"),
        run.run().err().lines().toList());
    assertEquals(0, run.fromArchive());
    assertEquals(OTHER_UID, Files.getAttribute(jsa, "unix:uid"), "left as it is");
  }

  /**
   * The attack of issue 16: another user (a second uid, through setpriv) runs rolectl first with
   * a shared XDG_CACHE_HOME (a sticky world-writable folder), so the cache folder and the archive
   * at the name the victim's launcher will look for are theirs. The victim's run does not map it
   * and says why.
   */
  @Test
  void archivePlantedByAnotherUserInASharedCacheIsNotUsed() throws IOException {
    assumeRoot("running as a second uid (setpriv)");
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")),
        "setpriv (util-linux) is not installed: the planted-archive test needs it");
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path sharedCache = Files.createDirectories(tmp.resolve("shared-cache"));
    Files.setPosixFilePermissions(sharedCache, PosixFilePermissions.fromString("rwxrwxrwx"));
    chmodSticky(sharedCache);
    Path attackerHome = Files.createDirectories(tmp.resolve("attacker"));
    Files.setAttribute(attackerHome, "unix:uid", OTHER_UID);
    Map<String, String> env = Map.of("XDG_CACHE_HOME", sharedCache.toString(),
        "ROLECTL_CACHE_DIR", "", "CI", "");

    List<String> asAttacker = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid",
        String.valueOf(OTHER_UID), "--regid", String.valueOf(OTHER_UID), "--clear-groups",
        "env", "HOME=" + attackerHome));
    asAttacker.addAll(launcherCommand("version"));
    CliRun planted = RolectlProcess.runCommand(attackerHome, env, asAttacker);
    assertEquals(0, planted.exitCode(), planted.toString());
    Path cache = sharedCache.resolve("rolectl");
    Path jsa = cache.resolve(archive.getFileName());
    assertTrue(Files.isRegularFile(jsa), "the attacker's run made " + jsa + ": " + list(cache));
    assertEquals(OTHER_UID, Files.getAttribute(jsa, "unix:uid"));

    Path log = tmp.resolve("victim-classes.log");
    Map<String, String> victim = new HashMap<>(env);
    victim.put("ROLECTL_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
    CliRun run = launcher(tmp, victim, "version");
    assertEquals(0, run.exitCode(), run.toString());
    assertEquals(List.of("rolectl: running without class-data sharing: the cache " + cache
            + " is owned by uid " + OTHER_UID + ", not by you (uid " + uid() + "): use a cache of"
            + " your own (ROLECTL_CACHE_DIR)"),
        run.err().lines().toList());
    assertEquals(0, fromArchive(log), "the planted archive is not mapped");
  }

  /**
   * Without HOME, XDG_CACHE_HOME and ROLECTL_CACHE_DIR there is no per-user place: no CDS, no
   * word, and nothing written (the launcher used to make /nonexistent/.cache/rolectl, at the root
   * of the file system).
   */
  @Test
  void withoutHomeOrCacheVariableThereIsNoCds() throws IOException {
    boolean before = Files.exists(Path.of("/nonexistent"));
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path log = tmp.resolve("classes.log");
    List<String> command = new ArrayList<>(List.of("env", "-u", "HOME", "-u", "XDG_CACHE_HOME",
        "-u", "ROLECTL_CACHE_DIR", "ROLECTL_JAVA_OPTS=-Xlog:class+load=info:file=" + log));
    command.addAll(launcherCommand("version"));
    CliRun run = RolectlProcess.runCommand(work, Map.of(), command);
    assertEquals(0, run.exitCode(), run.toString());
    assertEquals("", run.err());
    assertEquals(0, fromArchive(log));
    assertEquals(List.of(), list(work));
    assertEquals(before, Files.exists(Path.of("/nonexistent")), "/nonexistent made");
  }

  // --- helpers

  /** The result of a run and the number of classes it took from the dynamic archive. */
  private record Run(CliRun run, long fromArchive) {}

  private Run logged(Map<String, String> env) throws IOException {
    Path log = Files.createTempFile(tmp, "classes", ".log");
    Map<String, String> all = new HashMap<>(env);
    all.put("ROLECTL_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
    all.putIfAbsent("CI", "");
    CliRun run = launcher(tmp, all, "version");
    return new Run(run, fromArchive(log));
  }

  private static long fromArchive(Path log) throws IOException {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.filter(l -> l.contains(FROM_ARCHIVE)).count();
    }
  }

  /** A private cache folder holding a copy of the archive (0400), as the launcher makes it. */
  private static Path cacheWithArchive(Path cache) throws IOException {
    Files.createDirectories(cache);
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
    Path jsa = cache.resolve(archive.getFileName());
    Files.copy(archive, jsa, StandardCopyOption.COPY_ATTRIBUTES);
    Files.setPosixFilePermissions(jsa, PosixFilePermissions.fromString("r--------"));
    return cache;
  }

  private static void assumeRoot(String what) throws IOException {
    Assumptions.assumeTrue(uid() == 0, "not run as root: " + what + " needs root, so this test"
        + " is skipped here (it runs where the tests run as root)");
  }

  private static int uid() throws IOException {
    Path probe = Files.createTempFile("uid", ".probe");
    try {
      return (Integer) Files.getAttribute(probe, "unix:uid");
    } finally {
      Files.delete(probe);
    }
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  /** The launcher with ROLECTL_JAR set to the jar the package phase built. */
  private static List<String> launcherCommand(String... args) {
    List<String> command = new ArrayList<>(List.of("env",
        "ROLECTL_JAR=" + RolectlProcess.jar().toAbsolutePath(),
        "JAVA_HOME=" + System.getProperty("java.home"),
        RepoFiles.root().resolve("cli/src/dist/bin/rolectl").toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** Sets the sticky bit (which java.nio cannot). */
  private void chmodSticky(Path dir) {
    CliRun chmod = RolectlProcess.runCommand(tmp, Map.of(), List.of("chmod", "+t", dir.toString()));
    assertEquals(0, chmod.exitCode(), chmod.toString());
  }

  private static CliRun launcher(Path dir, Map<String, String> env, String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("CI", "");
    return RolectlProcess.runCommand(dir, all, launcherCommand(args));
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
