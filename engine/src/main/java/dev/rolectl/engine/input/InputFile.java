package dev.rolectl.engine.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the text of a file that a user hands to rolectl, as hostile input: at most {@link
 * InputKind#maxBytes} (checked before reading a regular file, and while reading anything else,
 * so an endless stream such as {@code /dev/zero} stops one byte past the limit), strict UTF-8
 * (a UTF-8 byte order mark is skipped; UTF-16 and UTF-32, binary data and NUL bytes are
 * refused), a directory refused. Every problem is an {@link InputProblem} that says what to do.
 */
public final class InputFile {
  private InputFile() {}

  /**
   * The file's text.
   *
   * @throws NoSuchFileException when it does not exist (the caller says what that means)
   * @throws InputProblem when it cannot be read, is too large or is not UTF-8 text
   */
  public static String read(Path file, InputKind kind) throws NoSuchFileException {
    byte[] bytes;
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (a.isDirectory()) {
        throw InputProblem.ofFile("the " + kind.noun() + " is a directory: name a file");
      }
      if (a.isRegularFile() && a.size() > kind.maxBytes()) {
        throw tooLarge(kind, a.size());
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = bounded(in, kind);
      }
    } catch (NoSuchFileException e) {
      throw e;
    } catch (IOException e) {
      throw InputProblem.ofFile("cannot read the " + kind.noun() + " (" + describe(e) + ")");
    } catch (OutOfMemoryError e) {
      throw outOfMemory(kind);
    }
    if (bytes.length > kind.maxBytes()) {
      throw tooLarge(kind, -1);
    }
    return decode(bytes, kind);
  }

  /** The first bytes looked at before reading on: enough to tell text from binary at once. */
  private static final int HEAD = 64 * 1024;

  /**
   * At most {@code maxBytes + 1} bytes (bounded even if the file grows or never ends); the head
   * is checked first, so a binary stream ({@code /dev/zero}, {@code /dev/urandom}) is refused
   * after 64 KiB rather than at the limit.
   */
  private static byte[] bounded(InputStream in, InputKind kind) throws IOException {
    byte[] head = in.readNBytes((int) Math.min(HEAD, kind.maxBytes() + 1));
    for (int i = 0; i < head.length; i++) {
      if (head[i] == 0 && !utf16or32(head)) {
        int line = 1;
        int lineStart = 0;
        for (int j = 0; j < i; j++) {
          if (head[j] == '\n') {
            line++;
            lineStart = j + 1;
          }
        }
        throw new InputProblem(line, i - lineStart + 1, nul(kind));
      }
    }
    if (head.length < HEAD) {
      return head;
    }
    byte[] rest = in.readNBytes((int) (kind.maxBytes() + 1 - head.length));
    byte[] all = java.util.Arrays.copyOf(head, head.length + rest.length);
    System.arraycopy(rest, 0, all, head.length, rest.length);
    return all;
  }

  private static boolean utf16or32(byte[] bytes) {
    return startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)
        || startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF);
  }

  /**
   * Why an I/O operation failed, in words (no exception class): "permission denied", "no such
   * file or folder", or the operating system's reason, with the file it names.
   */
  public static String describe(IOException e) {
    if (e instanceof AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    if (e instanceof NoSuchFileException n) {
      return "no such file or folder: " + n.getFile();
    }
    if (e instanceof FileSystemException f) {
      String reason = f.getReason() == null ? "cannot be used" : f.getReason();
      return (f.getFile() == null ? "" : f.getFile() + ": ") + reason;
    }
    return e.getMessage() == null ? "an input or output error" : e.getMessage();
  }

  /** The text of {@code bytes}, or a problem at the first byte that is not UTF-8 text. */
  static String decode(byte[] bytes, InputKind kind) {
    String the = "the " + kind.noun();
    if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      throw InputProblem.ofFile(the + " is UTF-32 encoded: save it as UTF-8");
    }
    if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
      throw InputProblem.ofFile(the + " is UTF-16 encoded (as Windows PowerShell's '>' writes):"
          + " save it as UTF-8");
    }
    int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    if (result.isError()) {
      int bad = bytes[in.position()] & 0xFF;
      throw problemAt(out, out.length(), String.format("%s is not UTF-8 text (byte 0x%02X here):"
          + " is it a binary file? Save it as UTF-8", the, bad));
    }
    for (int i = 0; i < out.length(); i++) {
      if (out.charAt(i) == 0) {
        throw problemAt(out, i, nul(kind));
      }
    }
    return out.toString();
  }

  private static String nul(InputKind kind) {
    return "the " + kind.noun() + " holds a NUL byte here, which text does not: is it a binary"
        + " file, or UTF-16 without a byte order mark? Save it as UTF-8 text";
  }

  private static InputProblem problemAt(CharSequence text, int index, String problem) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new InputProblem(line, index - lineStart + 1, problem);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  static InputProblem tooLarge(InputKind kind, long size) {
    return InputProblem.ofFile("the " + kind.noun() + " is " + (size < 0 ? "larger than "
        + kind.limit() + " (or endless)" : (size + InputKind.MIB - 1) / InputKind.MIB + " MiB")
        + "; rolectl reads at most " + kind.limit() + " of it: is it the right file?");
  }

  /** The JVM ran out of memory reading or parsing a large file. */
  static InputProblem outOfMemory(InputKind kind) {
    return InputProblem.ofFile("the " + kind.noun() + " is too large to read in the memory this"
        + " Java may use ("
        + Runtime.getRuntime().maxMemory() / InputKind.MIB + " MiB): is it the right file? If it"
        + " is, give Java more memory, e.g. ROLECTL_JAVA_OPTS=-Xmx4g");
  }
}
