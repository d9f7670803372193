package dev.rolectl.cli.command;

import dev.rolectl.cli.render.Counts;
import dev.rolectl.engine.api.StackCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where {@code rolectl import} writes, checked before anything is read: stdout, one file, or a
 * folder with one file per role (a path that is a folder or ends with {@code /}).
 */
final class ImportTarget {
  private final Path out;
  private final boolean folder;

  private ImportTarget(Path out, boolean folder) {
    this.out = out;
    this.folder = folder;
  }

  /** Checks {@code --out}: its folder (or the folder's parent) must exist and be writable. */
  static ImportTarget of(Path out, String given) {
    if (out == null) {
      return new ImportTarget(null, false);
    }
    boolean folder = given.endsWith("/") || Files.isDirectory(out);
    Path abs = out.toAbsolutePath();
    Path dir = folder && Files.isDirectory(abs) ? abs : abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new UserError("cannot write " + out + ": the folder " + dir + " does not exist; create"
          + " it first (nothing was read)");
    }
    if (!Files.isWritable(dir)) {
      throw new UserError("cannot write " + out + ": the folder " + dir + " is not writable"
          + " (nothing was read)");
    }
    return new ImportTarget(out, folder);
  }

  boolean stdout() {
    return out == null;
  }

  boolean folder() {
    return folder;
  }

  Path path() {
    return out;
  }

  /** Writes the files (name -> YAML; one entry unless a folder); returns what it wrote. */
  String write(Map<String, String> files) {
    Map<Path, String> targets = new LinkedHashMap<>();
    if (folder) {
      files.forEach((name, yaml) -> targets.put(out.resolve(name + ".yaml"), yaml));
    } else {
      String yaml = files.values().iterator().next();
      long size = yaml.getBytes(StandardCharsets.UTF_8).length;
      if (size > StackCheck.MAX_FILE_BYTES) {
        throw new UserError("the stack would be " + size / 1024 + " KiB, over the limit of "
            + StackCheck.MAX_FILE_BYTES / 1024 + " KiB per stack file that validate and plan read:"
            + " write it to a folder instead, one file per role (--out " + out + ".d/)");
      }
      targets.put(out, yaml);
    }
    try {
      if (folder) {
        Files.createDirectories(out);
      }
      for (Map.Entry<Path, String> e : targets.entrySet()) {
        Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UserError("cannot write " + out + ": " + e.getMessage());
    }
    return folder ? Counts.of(targets.size(), "file") + " in " + out : out.toString();
  }
}
