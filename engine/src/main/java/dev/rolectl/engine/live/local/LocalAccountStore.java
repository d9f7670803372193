package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.TargetException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
 *
 * <p>Before the lock is taken, the file is checked ({@link #checkedTarget}): absent, in a folder
 * that exists (rolectl makes no folder), or a regular file holding an account file; so a target
 * that is not one is refused without a lock file beside it. The lock file is opened as {@link
 * LockFile} says: never through a link, and changed only when it is rolectl's.
 *
 * <p>While this process holds the lock for a whole apply ({@link #exclusive}), the file is read
 * once and changed in memory, written in batches and when the lock is released ({@link
 * HeldAccount}); otherwise each update reads and writes the whole file.
 */
public final class LocalAccountStore {
  private static final Duration LOCK_WAIT = Duration.ofSeconds(30);
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
  /** Files whose lock this process holds for a whole apply ({@link #exclusive}). */
  private static final Map<Path, Held> HELD = new ConcurrentHashMap<>();

  /** The lock of a file held for a whole apply, and the account read under it. */
  private record Held(LockFile lockFile, FileLock lock, HeldAccount account) {}

  private final Path file;

  public LocalAccountStore(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  public Path file() {
    return file;
  }

  /**
   * The current content; an empty account when the file does not exist. While this process holds
   * the lock for an apply, the state in memory (with the file's ECS section).
   */
  public LocalState load() {
    Held held = HELD.get(file);
    if (held != null) {
      return held.account().state();
    }
    return read();
  }

  private LocalState read() {
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
      Held held = HELD.get(file);
      if (held != null) {
        return held.account().update(change); // this process holds the lock for a whole apply
      }
      checkedTarget();
      try (LockFile lockFile = LockFile.open(lockPath());
          FileLock lock = acquire(lockFile.channel())) {
        return apply(change);
      }
    } catch (IOException e) {
      throw new TargetException(
          lockPath() + ": cannot use the lock file ("
              + dev.rolectl.engine.input.InputFile.describe(e) + "): check that the folder is"
              + " writable",
          e);
    } finally {
      inProcess.unlock();
    }
  }

  /**
   * Runs one unit of work on an {@link AccountEditor} of the account under the lock: it changes
   * all or nothing. While this process holds the lock for an apply, on the state in memory ({@link
   * HeldAccount}); otherwise on the file, read and written (when something changed) once.
   *
   * @throws TargetException as {@link #update}
   */
  <T> T edit(java.util.function.Function<AccountEditor, T> steps) {
    Held held = HELD.get(file);
    if (held != null) {
      return held.account().edit(steps);
    }
    Object[] out = new Object[1];
    update(
        state -> {
          AccountEditor editor = new AccountEditor(state);
          out[0] = steps.apply(editor);
          return editor.result();
        });
    @SuppressWarnings("unchecked")
    T result = (T) out[0];
    return result;
  }

  private LocalState apply(UnaryOperator<LocalState> change) {
    LocalState current = read();
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
      FileSignature checkedAt = FileSignature.of(file);
      LocalState checked = checkedTarget();
      LockFile lockFile = LockFile.open(lockPath());
      FileLock lock;
      try {
        lock = lockFile.channel().tryLock();
      } catch (OverlappingFileLockException | IOException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = lockFile.holder();
        lockFile.close();
        throw locked(holder);
      }
      lockFile.claim();
      AtomicFiles.removeStrays(file); // temp files of a writer killed mid-write
      Held held = new Held(lockFile, lock, new HeldAccount(file, checked, checkedAt));
      HELD.put(file, held);
      return () -> release(held);
    } catch (IOException e) {
      throw new TargetException(
          lockPath() + ": cannot use the lock file ("
              + dev.rolectl.engine.input.InputFile.describe(e) + "): check that the folder is"
              + " writable",
          e);
    } finally {
      inProcess.unlock();
    }
  }

  /** Writes what the apply changed and not yet written, then releases the lock. */
  private void release(Held held) {
    ReentrantLock inProcess = inProcessLock();
    inProcess.lock();
    try {
      if (HELD.get(file) == held) {
        held.account().flush();
      }
    } finally {
      try {
        if (HELD.remove(file, held)) {
          held.lockFile().clear();
          held.lock().release();
          held.lockFile().close();
        }
      } catch (IOException e) {
        // closing the channel releases the lock anyway; a stale pid is harmless
      } finally {
        inProcess.unlock();
      }
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

  /**
   * The account in the file, checked before its lock is taken: a regular file holding an account
   * file, or absent (an empty account) in a folder that exists.
   *
   * @throws TargetException for anything else, saying what to do
   */
  private LocalState checkedTarget() {
    try {
      return AccountFile.read(file);
    } catch (NoSuchFileException e) {
      if (!Files.isDirectory(file.getParent())) {
        throw new TargetException(file + ": the folder " + file.getParent() + " does not exist,"
            + " and rolectl makes no folder for an account file: create it (mkdir -p "
            + file.getParent() + "), or name a file in a folder that exists (a relative local:"
            + " path is taken from the current directory). Nothing was changed");
      }
      return LocalState.empty();
    }
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
