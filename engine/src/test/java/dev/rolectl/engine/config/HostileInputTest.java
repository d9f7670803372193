package dev.rolectl.engine.config;

import dev.rolectl.engine.policy.PolicyParser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs generated at test time (too big or too binary to commit) are reported, never thrown. */
class HostileInputTest {
  static final String GOOD = "apiVersion: rolectl/v1\nstack: hostile\n";

  @TempDir Path dir;

  static Diagnostic onlyError(LoadResult result) {
    assertFalse(result.ok());
    assertEquals(1, result.diagnostics().size(), () -> result.diagnostics().toString());
    Diagnostic d = result.diagnostics().get(0);
    assertTrue(d.isError());
    return d;
  }

  static LoadResult load(Path path) {
    return StackLoader.load(path, LoadOptions.offline(), PolicyParser::parse);
  }

  @Test
  void aTwentyMegabyteFileIsRefusedBeforeItIsRead() throws IOException {
    Path big = dir.resolve("big.yaml");
    byte[] line = "# padding padding padding padding padding padding padding padding pad\n"
        .getBytes(StandardCharsets.US_ASCII);
    long size = 20L * 1024 * 1024;
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write(GOOD.getBytes(StandardCharsets.US_ASCII));
      long written = GOOD.length();
      while (written + line.length <= size) {
        out.write(line);
        written += line.length;
      }
      out.write("#".repeat((int) (size - written)).getBytes(StandardCharsets.US_ASCII));
    }
    assertEquals(size, Files.size(big));
    Diagnostic d = onlyError(load(big));
    assertEquals(Location.startOf(big.toString()), d.location());
    assertEquals("file is 20 MB; stack files are limited to 3 MB: split the stack into several"
        + " files in a directory", d.message());
  }

  @Test
  void aFileJustUnderTheLimitIsRead() throws IOException {
    Path file = dir.resolve("padded.yaml");
    StringBuilder sb = new StringBuilder(GOOD);
    while (sb.length() < YamlReader.MAX_FILE_BYTES - 100) {
      sb.append("# ").append("x".repeat(77)).append('\n');
    }
    Files.writeString(file, sb);
    LoadResult result = load(file);
    assertTrue(result.ok(), () -> result.diagnostics().toString());
  }

  @Test
  void binaryBytesAreNotYaml() throws IOException {
    Path png = dir.resolve("logo.yaml");
    byte[] bytes = new byte[4096];
    new Random(42).nextBytes(bytes);
    byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(header, 0, bytes, 0, header.length);
    Files.write(png, bytes);
    Diagnostic d = onlyError(load(png));
    assertEquals(new Location(png.toString(), 1, 1), d.location());
    assertTrue(d.message().startsWith("file is not valid UTF-8 text (byte 0x89)"), d.message());
  }

  @Test
  void aNulCharacterIsLocated() throws IOException {
    Path file = dir.resolve("nul.yaml");
    Files.write(file, (GOOD + "roles:\n  a\u0000b: {}\n").getBytes(StandardCharsets.UTF_8));
    Diagnostic d = onlyError(load(file));
    assertEquals(new Location(file.toString(), 4, 4), d.location());
    assertTrue(d.message().contains("a NUL character (U+0000)"), d.message());
  }

  @Test
  void utf16IsExplained() throws IOException {
    Path file = dir.resolve("utf16.yaml");
    Files.write(file, ("\uFEFF" + GOOD).getBytes(StandardCharsets.UTF_16LE));
    Diagnostic d = onlyError(load(file));
    assertTrue(d.message().startsWith("file is UTF-16 encoded; save it as UTF-8"), d.message());
  }

  @Test
  void aUtf8ByteOrderMarkIsAccepted() throws IOException {
    Path file = dir.resolve("bom.yaml");
    Files.write(file, ("\uFEFF" + GOOD).getBytes(StandardCharsets.UTF_8));
    assertTrue(load(file).ok());
  }

  @Test
  void aMissingPathIsReported() {
    Path missing = dir.resolve("nope/stack.yaml");
    Diagnostic d = onlyError(load(missing));
    assertEquals(Location.startOf(missing.toString()), d.location());
    assertTrue(d.message().startsWith("stack path does not exist"), d.message());
  }

  @Test
  void subdirectoriesAreNotRead() throws IOException {
    Files.createDirectories(dir.resolve("nested"));
    Files.writeString(dir.resolve("nested/stack.yaml"), GOOD);
    Diagnostic d = onlyError(load(dir));
    assertTrue(d.message().startsWith("directory contains no *.yaml or *.yml files"));
  }

  @Test
  void anUnreadableDirectoryEntryThatIsADirectoryNamedYamlIsSkipped() throws IOException {
    Files.createDirectories(dir.resolve("looks-like.yaml"));
    Files.writeString(dir.resolve("real.yml"), GOOD);
    assertTrue(load(dir).ok());
  }

  @Test
  void aDeviceIsNotReadForever() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "needs /dev/zero");
    Diagnostic d = onlyError(load(zero));
    assertTrue(d.message().startsWith("file is 3.1 MB; stack files are limited to 3 MB"),
        d.message());
  }
}
