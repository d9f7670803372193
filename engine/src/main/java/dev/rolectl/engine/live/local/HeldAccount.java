package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.TargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An account file while this process holds its lock for a whole apply ({@link
 * LocalAccountStore#exclusive}): read once, changed in memory one unit at a time ({@link
 * AccountEditor}, a unit changes all or nothing), and written atomically (a temp file, then a
 * rename) in batches: after a unit when the last write is at least {@link #MIN_INTERVAL} and
 * {@link #WRITE_SHARE} times the last write's duration ago, and when the lock is released. So an
 * apply of n changes costs one read and O(n) work plus a bounded share of writing, instead of a
 * read and a write of the whole file per change.
 *
 * <p>Crash safety: the file always holds the state after some prefix of the units (a kill -9
 * loses at most the units since the last write, as if they had not been made: running apply again
 * converges, and as every create carries its owner tag in the same unit, nothing is unowned).
 *
 * <p>Other writers: the {@code ecs} section stands for the outside world (ECS deployments), so it
 * is read from the file whenever the file changed under the lock (another program may change it
 * while an apply waits for a deployment), and a batch write keeps the file's {@code ecs} section.
 * Any other change to the file while the lock is held (IAM edited by a program that ignores the
 * lock) is a conflict: nothing more is written, and every later unit and the release fail with a
 * message saying so (fail closed: the other program's change is kept, this apply's unwritten
 * units are lost and show up again in the next plan).
 *
 * <p>Thread-safe (every method synchronized).
 */
final class HeldAccount {
  /** The shortest time between two batch writes. */
  static final Duration MIN_INTERVAL = Duration.ofMillis(500);

  /** At most one part in this many of an apply's time is spent writing the file. */
  static final int WRITE_SHARE = 5;

  private final Path file;
  private AccountEditor editor;
  /** What the file held when this process last read or wrote it (null until first read). */
  private LocalState base;
  private FileSignature signature;
  private long writtenVersion;
  private long lastWrite = System.nanoTime();
  private long lastWriteTook;
  private LocalState outside;
  private FileSignature outsideSignature;
  private String conflict;
  private int writes;
  /** The account as read right before the lock was taken, and the file's signature then. */
  private LocalState checked;
  private final FileSignature checkedAt;

  HeldAccount(Path file) {
    this(file, null, null);
  }

  /**
   * With the account read right before the lock was taken ({@code checked}, from a file with
   * signature {@code checkedAt}): used instead of reading the file again while it is unchanged.
   */
  HeldAccount(Path file, LocalState checked, FileSignature checkedAt) {
    this.file = file;
    this.checked = checked;
    this.checkedAt = checkedAt;
  }

  /** The state now: IAM as changed in memory, ECS as the file says. */
  synchronized LocalState state() {
    LocalState now = editor().result();
    return now.withEcs(ecsNow());
  }

  /** Runs one unit of work on the state in memory; writes a batch when one is due. */
  synchronized <T> T edit(Function<AccountEditor, T> steps) {
    failIfConflict();
    AccountEditor e = editor();
    e.begin();
    T out;
    try {
      out = steps.apply(e);
      e.commit();
    } catch (RuntimeException ex) {
      e.rollback();
      throw ex;
    }
    writeIfDue();
    return out;
  }

  /** Replaces the whole state with {@code change}'s result (when it returns another object). */
  synchronized LocalState update(UnaryOperator<LocalState> change) {
    failIfConflict();
    LocalState current = state();
    LocalState next = change.apply(current);
    if (next != current) {
      editor = new AccountEditor(next);
      writtenVersion = -1; // not written yet
      writeIfDue();
    }
    return next;
  }

  /** Writes what is not written yet (when the lock is released). */
  synchronized void flush() {
    failIfConflict();
    if (editor != null && editor.version() != writtenVersion) {
      write();
    }
  }

  private AccountEditor editor() {
    if (editor == null) {
      if (checked != null && FileSignature.of(file).equals(checkedAt)) {
        base = checked;
        signature = checkedAt;
      } else {
        base = read();
        signature = FileSignature.of(file);
      }
      checked = null;
      editor = new AccountEditor(base);
      writtenVersion = editor.version();
    }
    return editor;
  }

  private void writeIfDue() {
    long since = System.nanoTime() - lastWrite;
    if (editor.version() != writtenVersion
        && since >= Math.max(MIN_INTERVAL.toNanos(), WRITE_SHARE * lastWriteTook)) {
      write();
    }
  }

  private void write() {
    long start = System.nanoTime();
    LocalState next = editor.result().withEcs(base.ecs());
    if (!FileSignature.of(file).equals(signature)) {
      LocalState there = read();
      if (!sameIam(there, base)) {
        conflict =
            file + " was changed by another program while this apply held its lock ("
                + file.getFileName() + ".lock), beyond its ecs section: nothing more of this apply"
                + " is written, so that change is kept; the changes of this apply since "
                + (writes == 0 ? "it started" : "its last write to the file") + " were not"
                + " written: run plan or apply again";
        failIfConflict();
      }
      next = next.withEcs(there.ecs());
    }
    byte[] bytes = SnapshotWriter.toJson(next).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, bytes);
    signature = FileSignature.of(file);
    base = next;
    writtenVersion = editor.version();
    writes++;
    lastWrite = System.nanoTime();
    lastWriteTook = lastWrite - start;
  }

  /** The file's {@code ecs} section now: read again only when the file changed. */
  private LocalEcsState ecsNow() {
    FileSignature now = FileSignature.of(file);
    if (now.equals(signature)) {
      return base.ecs();
    }
    if (!now.equals(outsideSignature)) {
      outside = read();
      outsideSignature = now;
    }
    return outside.ecs();
  }

  /** Whether two states hold the same IAM (and everything else but ECS) once written. */
  private static boolean sameIam(LocalState a, LocalState b) {
    LocalEcsState none = LocalEcsState.absent();
    return Arrays.equals(
        SnapshotWriter.toJson(a.withEcs(none)).getBytes(StandardCharsets.UTF_8),
        SnapshotWriter.toJson(b.withEcs(none)).getBytes(StandardCharsets.UTF_8));
  }

  private LocalState read() {
    try {
      return AccountFile.read(file);
    } catch (NoSuchFileException e) {
      return LocalState.empty();
    }
  }

  private void failIfConflict() {
    if (conflict != null) {
      throw new TargetException(conflict);
    }
  }
}
