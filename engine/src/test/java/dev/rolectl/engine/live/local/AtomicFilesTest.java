package dev.rolectl.engine.live.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Account files (local: apply, snapshot --out) keep their mode; new ones follow the umask. */
class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aReplacedFileKeepsItsMode() throws Exception {
    for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw-rw-r--"}) {
      Path file = dir.resolve("account-" + mode + ".json");
      Files.writeString(file, "{}");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
      AtomicFiles.write(file, "{\"AccountId\": \"111122223333\"}".getBytes(StandardCharsets.UTF_8));
      assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      assertEquals("{\"AccountId\": \"111122223333\"}", Files.readString(file));
    }
  }

  @Test
  void aNewFileGetsTheUmaskLikeAnyNewFileNotTheModeOfATempFile() throws Exception {
    Path plain = Files.createFile(dir.resolve("plain"));
    Path file = dir.resolve("new.json");
    AtomicFiles.write(file, "{}".getBytes(StandardCharsets.UTF_8));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
    try (var s = Files.list(dir)) {
      assertEquals(2, s.count(), "no temp file left behind");
    }
  }
}
