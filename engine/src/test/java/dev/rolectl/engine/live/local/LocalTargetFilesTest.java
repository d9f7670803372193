package dev.rolectl.engine.live.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.TargetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a {@code local:} target checks before it takes its lock, and how it opens {@code
 * FILE.lock} (issue 16: a symbolic link planted at {@code FILE.lock} in a shared folder emptied
 * another user's file; a plan naming a missing folder made apply create it; a plan naming a file
 * that is not an account file left a stray {@code .lock}). Each case runs the two ways the lock
 * is taken: for a whole apply ({@link LocalAccountStore#exclusive}) and for one update.
 */
class LocalTargetFilesTest {
  @TempDir Path dir;

  private static final List<Lock> WAYS = List.of(
      new Lock("exclusive (apply)", store -> store.exclusive().close()),
      new Lock("update", store -> store.update(s -> LocalAccountStoreTest.withRole(s, "r"))));

  private record Lock(String name, Consumer<LocalAccountStore> take) {}

  @Test
  void aSymbolicLinkAtTheLockIsNotFollowedAndItsFileStaysIntact() throws IOException {
    Path victim = Files.writeString(dir.resolve("victim.txt"), "someone else's data\n");
    for (Lock way : WAYS) {
      Path file = dir.resolve(way.name().charAt(0) + "-account.json");
      Path lock = Files.createSymbolicLink(lockOf(file), victim);
      TargetException e = assertThrows(TargetException.class,
          () -> way.take().accept(new LocalAccountStore(file)), way.name());
      assertEquals(lock + " is a symbolic link; rolectl does not follow it (it would write to the"
          + " file it points to). It is left as it is and nothing was changed: if it is not yours,"
          + " find out who put it there; if it is, move it away and run again", e.getMessage());
      assertEquals("someone else's data\n", Files.readString(victim), way.name());
      assertTrue(Files.isSymbolicLink(lock), way.name());
      assertFalse(Files.exists(file), way.name() + ": no account file written");
    }
  }

  @Test
  void aDanglingLinkAtTheLockDoesNotMakeTheFileItNames() throws IOException {
    Path file = dir.resolve("account.json");
    Path elsewhere = dir.resolve("made-through-the-link");
    Files.createSymbolicLink(lockOf(file), elsewhere);
    for (Lock way : WAYS) {
      assertThrows(TargetException.class, () -> way.take().accept(new LocalAccountStore(file)));
      assertFalse(Files.exists(elsewhere, LinkOption.NOFOLLOW_LINKS), way.name());
    }
  }

  @Test
  void aLockFileRolectlDidNotWriteIsNeitherTruncatedNorWritten() throws IOException {
    Path file = dir.resolve("account.json");
    Path lock = Files.writeString(lockOf(file), "precious\n");
    for (Lock way : WAYS) {
      TargetException e = assertThrows(TargetException.class,
          () -> way.take().accept(new LocalAccountStore(file)));
      assertTrue(e.getMessage().contains("holds something other than rolectl's lock"), e.getMessage());
      assertEquals("precious\n", Files.readString(lock), way.name());
    }
  }

  @Test
  void aLockFileWithAnotherHardLinkIsNotWritten() throws IOException {
    Path file = dir.resolve("account.json");
    Path other = Files.writeString(dir.resolve("other.txt"), "");
    Files.createLink(lockOf(file), other);
    Files.writeString(other, "pid 1\n");
    for (Lock way : WAYS) {
      TargetException e = assertThrows(TargetException.class,
          () -> way.take().accept(new LocalAccountStore(file)));
      assertTrue(e.getMessage().contains("has other hard links"), e.getMessage());
      assertEquals("pid 1\n", Files.readString(other), way.name());
    }
  }

  /** The lock file an earlier run left (empty, or with its pid after a kill) is used again. */
  @Test
  void theLockFileOfAnEarlierRunIsUsedAgain() throws IOException {
    Path file = dir.resolve("account.json");
    Path lock = Files.writeString(lockOf(file), "pid 999999\n");
    try (IamWriter.Lock held = new LocalAccountStore(file).exclusive()) {
      assertEquals("pid " + ProcessHandle.current().pid() + "\n", Files.readString(lock));
    }
    assertEquals("", Files.readString(lock), "emptied on release");
    new LocalAccountStore(file).update(s -> LocalAccountStoreTest.withRole(s, "r"));
    assertEquals(1, new LocalAccountStore(file).load().account().roles().size());
  }

  @Test
  void aDirectoryAsTheTargetIsRefusedWithoutALock() throws IOException {
    Path target = Files.createDirectories(dir.resolve("account.json"));
    for (Lock way : WAYS) {
      TargetException e = assertThrows(TargetException.class,
          () -> way.take().accept(new LocalAccountStore(target)));
      assertTrue(e.getMessage().startsWith(target + ":1:1: the account file is a directory:"),
          e.getMessage());
      assertEquals(List.of("account.json"), names(dir), way.name());
    }
  }

  @Test
  void aNamedPipeAsTheTargetIsRefusedAtOnceWithoutALock() throws Exception {
    Path fifo = dir.resolve("account.json");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      Assumptions.abort("mkfifo is not installed here: the named pipe case is not checked");
      return;
    }
    assertEquals(0, mkfifo.waitFor());
    for (Lock way : WAYS) {
      TargetException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
          TargetException.class, () -> way.take().accept(new LocalAccountStore(fifo))));
      assertTrue(e.getMessage().contains("not a regular file (a named pipe, a device or a socket)"),
          e.getMessage());
      assertEquals(List.of("account.json"), names(dir), way.name());
    }
    TargetException read = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThrows(TargetException.class, () -> new LocalAccountStore(fifo).load()));
    assertTrue(read.getMessage().contains("not a regular file"), read.getMessage());
  }

  @Test
  void jsonThatIsNotAnAccountFileIsRefusedWithoutALockAndKept() throws IOException {
    byte[] pkg = "{\"name\": \"web\", \"version\": \"1.0.0\", \"dependencies\": {}}\n"
        .getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("package.json"), pkg);
    for (Lock way : WAYS) {
      TargetException e = assertThrows(TargetException.class,
          () -> way.take().accept(new LocalAccountStore(file)));
      assertTrue(e.getMessage().startsWith(file + ":1:1: the file is JSON but not an account file:"
          + " it has none of the keys of one"), e.getMessage());
      assertTrue(e.getMessage().contains("only name, version, dependencies"), e.getMessage());
      assertArrayEquals(pkg, Files.readAllBytes(file), way.name());
      assertEquals(List.of("package.json"), names(dir), way.name());
    }
  }

  @Test
  void textThatIsNotJsonIsRefusedWithoutALock() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.json"), "remember the milk\n");
    for (Lock way : WAYS) {
      TargetException e = assertThrows(TargetException.class,
          () -> way.take().accept(new LocalAccountStore(file)));
      assertTrue(e.getMessage().startsWith(file + ":1:1: the account file is not valid JSON"),
          e.getMessage());
      assertEquals(List.of("notes.json"), names(dir), way.name());
    }
  }

  @Test
  void aMissingFolderIsNotMade() {
    Path file = dir.resolve("no-such-folder/account.json");
    for (Lock way : WAYS) {
      TargetException e = assertThrows(TargetException.class,
          () -> way.take().accept(new LocalAccountStore(file)));
      assertTrue(e.getMessage().contains("the folder " + file.getParent() + " does not exist, and"
          + " rolectl makes no folder for an account file"), e.getMessage());
      assertFalse(Files.exists(file.getParent()), way.name());
    }
  }

  /** An absent file in a folder that exists is a new, empty account. */
  @Test
  void anAbsentFileIsANewAccount() throws IOException {
    Path file = dir.resolve("account.json");
    try (IamWriter.Lock held = new LocalAccountStore(file).exclusive()) {
      assertEquals(LocalState.empty(), new LocalAccountStore(file).load());
    }
    assertEquals(List.of("account.json.lock"), names(dir));
  }

  private static Path lockOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".lock");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
