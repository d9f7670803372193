package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.TargetException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file's content so that readers see the old or the new file, never a part. The new
 * file keeps the old one's POSIX permissions; a file that did not exist gets the process's umask
 * (as any new file), not the 0600 of a temp file.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  private static void keepMode(Path target, Path tmp) throws IOException {
    try {
      if (Files.exists(target)) {
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
      }
    } catch (UnsupportedOperationException notPosix) {
      // the file system has no POSIX modes: nothing to keep
    }
  }

  /**
   * The file a path names once symbolic links are followed (also a dangling one's target), so
   * that a write through {@code link.json} replaces the file it points to rather than the link,
   * and two paths to one file share one lock. At most 40 links, like the kernel's limit.
   */
  static Path followLinks(Path file) {
    Path p = file.toAbsolutePath();
    try {
      for (int hops = 0; Files.isSymbolicLink(p); hops++) {
        if (hops == 40) {
          throw new TargetException(file + ": too many levels of symbolic links");
        }
        p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
      }
    } catch (IOException e) {
      throw new TargetException(file + ": cannot follow the symbolic link ("
          + dev.rolectl.engine.input.InputFile.describe(e) + ")", e);
    }
    return p;
  }

  /** Writes a temp file beside the target, forces it to disk, then renames it over the target. */
  static void write(Path file, byte[] content) {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = null;
    try {
      Path name = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid()
          + "." + Long.toHexString(System.nanoTime()) + ".tmp");
      // made here (O_CREAT|O_EXCL: never a file or link that is there), mode 0666 less the umask
      FileChannel ch = FileChannel.open(name, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      tmp = name;
      try (ch) {
        keepMode(target, tmp);
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new TargetException(
          file + ": cannot write the account file ("
              + dev.rolectl.engine.input.InputFile.describe(e) + "): check that its folder is"
              + " writable",
          e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: a stray temp file does not change the account file
        }
      }
    }
  }

  /**
   * Deletes the temp files that {@link #write} leaves beside {@code file} when killed before its
   * rename. Only for a caller holding the file's lock (no write of another process is under way).
   */
  static void removeStrays(Path file) {
    Path target = file.toAbsolutePath();
    String prefix = "." + target.getFileName() + ".";
    try (java.util.stream.Stream<Path> siblings = Files.list(target.getParent())) {
      for (Path p : (Iterable<Path>) siblings::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith(prefix) && name.endsWith(".tmp")) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      // best effort: a stray temp file does not change the account file
    }
  }
}
