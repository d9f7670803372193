package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.TargetException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
  /** Files whose lock this process holds for a whole apply ({@link #exclusive}). */
  private static final Map<Path, FileLock> HELD = new ConcurrentHashMap<>();

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
   * Reads the file, applies the change and writes the result, under the lock. A change that
   * returns the very state it was given writes nothing.
   *
   * @return the state written
   * @throws TargetException when the file is corrupt, cannot be written, or stays locked
   */
  public LocalState update(UnaryOperator<LocalState> change) {
    ReentrantLock inProcess = inProcessLock();
    inProcess.lock();
    try {
      if (HELD.containsKey(file)) {
        return apply(change); // this process holds the file lock for a whole apply
      }
      try (FileChannel lockFile = openLockFile();
          FileLock lock = acquire(lockFile)) {
        return apply(change);
      }
    } catch (IOException e) {
      throw new TargetException(
          lockPath() + ": cannot use the lock file (" + e + "): check that the folder is writable",
          e);
    } finally {
      inProcess.unlock();
    }
  }

  private LocalState apply(UnaryOperator<LocalState> change) {
    LocalState current = load();
    LocalState next = change.apply(current);
    if (next != current) {
      SnapshotWriter.write(next, file);
    }
    return next;
  }

  private ReentrantLock inProcessLock() {
    return IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
  }

  /**
   * Takes the file's lock ({@code FILE.lock}) until the returned handle is closed, for a whole
   * {@code apply}: {@link #update}s of this process go on meanwhile, other processes' wait. Does
   * not wait: when another process (or another apply of this one) holds it, fails at once naming
   * the holder's pid, which the holder writes into the lock file.
   *
   * @throws TargetException when the lock is held elsewhere or cannot be used
   */
  public dev.rolectl.engine.live.IamWriter.Lock exclusive() {
    ReentrantLock inProcess = inProcessLock();
    inProcess.lock();
    try {
      if (HELD.containsKey(file)) {
        throw locked("another apply in this process");
      }
      FileChannel channel = openLockFile();
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException | IOException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw locked(holder());
      }
      byte[] pid =
          ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(pid), 0);
      HELD.put(file, lock);
      FileLock held = lock;
      return () -> release(channel, held);
    } catch (IOException e) {
      throw new TargetException(
          lockPath() + ": cannot use the lock file (" + e + "): check that the folder is writable",
          e);
    } finally {
      inProcess.unlock();
    }
  }

  private void release(FileChannel channel, FileLock lock) {
    ReentrantLock inProcess = inProcessLock();
    inProcess.lock();
    try {
      if (HELD.remove(file, lock)) {
        try {
          channel.truncate(0);
          lock.release();
          channel.close();
        } catch (IOException e) {
          // closing the channel releases the lock anyway; a stale pid is harmless
        }
      }
    } finally {
      inProcess.unlock();
    }
  }

  private String holder() {
    try {
      String text = Files.readString(lockPath(), StandardCharsets.UTF_8).trim();
      return text.startsWith("pid ") ? text : "another process";
    } catch (IOException e) {
      return "another process";
    }
  }

  private TargetException locked(String holder) {
    return new TargetException(
        "another rolectl apply is running on "
            + file
            + " (lock "
            + lockPath()
            + " held by "
            + holder
            + "): wait for it to finish and try again");
  }

  private Path lockPath() {
    return file.resolveSibling(file.getFileName() + ".lock");
  }

  private FileChannel openLockFile() throws IOException {
    Files.createDirectories(file.getParent());
    return FileChannel.open(
        lockPath(), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
