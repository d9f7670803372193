package dev.rolectl.engine.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a stack was planned from, as one SHA-256: the bytes of its files (by name within a
 * directory), the {@code --var} values and the {@code --var-file}s' bytes (a file named per
 * account, with {@code ${...}} in its name, counts by that name). Two runs of the same revision and
 * options get the same digest on any machine; the shards of one run must all have it.
 */
public final class StackDigest {
  private StackDigest() {}

  /**
   * The digest, 64 hex digits.
   *
   * @param extra further settings that shape the plan (e.g. {@code adopt=true})
   */
  public static String of(Path stack, Map<String, String> vars, List<Path> varFiles, String extra) {
    MessageDigest sha = sha256();
    StackFiles.Found found = StackFiles.find(stack);
    for (StackFiles.StackFile f : found.files()) {
      field(sha, "file", Files.isDirectory(stack) ? f.path().getFileName().toString() : "");
      sha.update(bytes(f.path()));
    }
    new TreeMap<>(vars).forEach((k, v) -> field(sha, "var", k + "=" + v));
    for (Path f : varFiles) {
      boolean perAccount = f.toString().contains("${");
      field(sha, "var-file", perAccount ? f.toString() : "");
      if (!perAccount) {
        sha.update(bytes(f));
      }
    }
    field(sha, "extra", extra);
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void field(MessageDigest sha, String name, String value) {
    sha.update((name + "\u0000" + value + "\u0000").getBytes(StandardCharsets.UTF_8));
  }

  /** The file's bytes, as far as a stack file may go (one more: an endless --var-file ends). */
  private static byte[] bytes(Path file) {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      return in.readNBytes((int) StackLoader.MAX_FILE_BYTES + 1);
    } catch (IOException e) {
      // a file that cannot be read makes the plan fail anyway; its name stands in for it
      return ("unreadable:" + file).getBytes(StandardCharsets.UTF_8);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
