package dev.rolectl.engine.live.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a file looks like from outside (one {@code stat}): its identity (inode where the file
 * system has one), size and modification time. A file replaced by a rename, rewritten in place,
 * or deleted gets another signature (a rewrite to the same size within the file system's clock
 * tick aside).
 *
 * @param key the file key ({@code null} when the file system has none), or {@code null} and
 *     size -1 for a missing file
 */
record FileSignature(Object key, long size, long modifiedNanos) {
  static final FileSignature MISSING = new FileSignature(null, -1, 0);

  static FileSignature of(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new FileSignature(
          a.fileKey(), a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
    } catch (NoSuchFileException e) {
      return MISSING;
    } catch (IOException e) {
      // unreadable attributes: a signature that equals nothing, so the file is read again
      return new FileSignature(new Object(), -2, System.nanoTime());
    }
  }
}
