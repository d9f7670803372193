package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.TargetException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The account file of a {@code local:} target, read and written. A missing file is an empty
 * account ({@link LocalState#empty()}); the first {@link #update} creates it. Updates hold a lock
 * ({@code FILE.lock} beside it, an OS file lock, so concurrent rolectl processes take turns) and
 * replace the file atomically, so a crash leaves the old or the new file, never a part.
 */
public final class LocalAccountStore {
  private static final Duration LOCK_WAIT = Duration.ofSeconds(30);
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path file;

  public LocalAccountStore(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  public Path file() {
    return file;
  }

  /** The current content; an empty account when the file does not exist. */
  public LocalState load() {
    try {
      return AccountFile.read(file);
    } catch (NoSuchFileException e) {
      return LocalState.empty();
    }
  }

  /**
   * Reads the file, applies the change and writes the result, under the lock.
   *
   * @return the state written
   * @throws TargetException when the file is corrupt, cannot be written, or stays locked
   */
  public LocalState update(UnaryOperator<LocalState> change) {
    ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
    inProcess.lock();
    try (FileChannel lockFile = openLockFile();
        FileLock lock = acquire(lockFile)) {
      LocalState next = change.apply(load());
      SnapshotWriter.write(next, file);
      return next;
    } catch (IOException e) {
      throw new TargetException(
          lockPath() + ": cannot use the lock file (" + e + "): check that the folder is writable",
          e);
    } finally {
      inProcess.unlock();
    }
  }

  private Path lockPath() {
    return file.resolveSibling(file.getFileName() + ".lock");
  }

  private FileChannel openLockFile() throws IOException {
    Files.createDirectories(file.getParent());
    return FileChannel.open(lockPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  private FileLock acquire(FileChannel channel) throws IOException {
    long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
    while (true) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock != null) {
        return lock;
      }
      if (System.nanoTime() > deadline) {
        throw new TargetException(
            file
                + ": another rolectl has been changing this account file for "
                + LOCK_WAIT.toSeconds()
                + " s (it holds "
                + lockPath()
                + "): wait for it to finish and try again");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TargetException(file + ": interrupted while waiting for the lock", e);
      }
    }
  }
}
