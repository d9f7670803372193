package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.TargetException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * The lock file {@code FILE.lock} beside a {@code local:} account file, opened so that it cannot
 * be turned against anyone in a folder that others can write: never through a symbolic link
 * ({@link LinkOption#NOFOLLOW_LINKS}, so a link planted there cannot make rolectl write to the
 * file it points to), and changed only when it is rolectl's own: made now ({@code O_CREAT|O_EXCL}),
 * or a regular file with one link that holds what rolectl writes there (nothing, or {@code pid N}:
 * a lock file of an earlier run). Anything else is refused and left as it is. The file is opened
 * for writing without truncating it; {@link #claim} empties it only once the lock is held.
 */
final class LockFile implements AutoCloseable {
  /** What rolectl writes into a lock file: its pid while it holds it, nothing after. */
  private static final Pattern OURS = Pattern.compile("(pid \\d{1,19}\n?)?");

  private static final int MAX_OURS = 32;

  private final Path path;
  private final FileChannel channel;

  private LockFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /**
   * Opens (or makes) the lock file.
   *
   * @throws TargetException when {@code path} is there but is not rolectl's lock file
   * @throws IOException when it cannot be opened or made (a folder that is not writable, say)
   */
  static LockFile open(Path path) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        return new LockFile(path, FileChannel.open(path, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
      } catch (FileAlreadyExistsException there) {
        // a lock file of an earlier run, or something else: looked at below
      }
      try {
        return existing(path);
      } catch (NoSuchFileException gone) {
        if (attempt == 3) {
          throw gone; // made and removed again and again by someone else
        }
      }
    }
  }

  private static LockFile existing(Path path) throws IOException {
    BasicFileAttributes a =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (a.isSymbolicLink()) {
      throw refused(path, "is a symbolic link; rolectl does not follow it (it would write to the"
          + " file it points to)");
    }
    if (!a.isRegularFile()) {
      throw refused(path, "is not a regular file");
    }
    if (links(path) > 1) {
      throw refused(path, "has other hard links (rolectl would write to a file that is also"
          + " elsewhere)");
    }
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
    try {
      String text = head(channel);
      if (text == null || !OURS.matcher(text).matches()) {
        throw refused(path, "holds something other than rolectl's lock (empty, or 'pid N')");
      }
      return new LockFile(path, channel);
    } catch (RuntimeException | IOException e) {
      channel.close();
      throw e;
    }
  }

  /** The number of hard links, or 1 where the file system does not say. */
  private static int links(Path path) throws IOException {
    try {
      return (Integer) Files.getAttribute(path, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
      return 1;
    }
  }

  /** The file's text, or {@code null} when longer than any lock file rolectl writes. */
  private static String head(FileChannel channel) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(MAX_OURS + 1);
    while (buf.hasRemaining() && channel.read(buf, buf.position()) > 0) {
      // read on to the end or to the limit
    }
    return buf.position() > MAX_OURS ? null
        : new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
  }

  private static TargetException refused(Path path, String why) {
    return new TargetException(path + " " + why + ". It is left as it is and nothing was changed:"
        + " if it is not yours, find out who put it there; if it is, move it away and run again");
  }

  FileChannel channel() {
    return channel;
  }

  /** Who holds the lock, as the holder wrote it ({@code pid N}), else "another process". */
  String holder() {
    try {
      String text = head(channel);
      return text != null && text.startsWith("pid ") ? text.trim() : "another process";
    } catch (IOException e) {
      return "another process";
    }
  }

  /** Writes this process's pid into the lock file (once the lock is held). */
  void claim() throws IOException {
    byte[] pid = ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(pid), 0);
  }

  /** Empties the lock file (before the lock is released). */
  void clear() throws IOException {
    channel.truncate(0);
  }

  Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
