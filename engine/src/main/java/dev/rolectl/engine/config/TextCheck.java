package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Location;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns a file's bytes into text, or explains why they are not YAML text: not UTF-8, a UTF-16
 * byte order mark, or control characters such as NUL that only binary files contain.
 */
final class TextCheck {
  private TextCheck() {}

  /** Decoded text, or a problem at a location. Exactly one is present. */
  record Decoded(String text, Location problemAt, String problem) {}

  static Decoded decode(String file, byte[] bytes) {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      return problem(
          Location.startOf(file),
          "file is UTF-16 encoded; save it as UTF-8 (stack files must be UTF-8 YAML)");
    }
    int start =
        bytes.length >= 3
                && bytes[0] == (byte) 0xEF
                && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF
            ? 3
            : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    String text = out.toString();
    if (result.isError()) {
      int bad = bytes[in.position()] & 0xFF;
      return problem(
          at(file, text, text.length()),
          String.format(
              "file is not valid UTF-8 text (byte 0x%02X); stack files must be UTF-8 encoded YAML."
                  + " If this is a binary file, remove it from the stack",
              bad));
    }
    Optional<Integer> control = firstForbidden(text);
    if (control.isPresent()) {
      int index = control.get();
      int cp = text.codePointAt(index);
      String what = cp == 0 ? "a NUL character (U+0000)" : String.format("control character U+%04X", cp);
      return problem(
          at(file, text, index),
          "file contains "
              + what
              + ", which YAML text cannot contain; is it a binary file? Stack files must be"
              + " UTF-8 YAML text");
    }
    return new Decoded(text, null, null);
  }

  private static Decoded problem(Location at, String message) {
    return new Decoded(null, at, message);
  }

  /** The index of the first character YAML does not allow in a stream, if any. */
  private static Optional<Integer> firstForbidden(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean ok =
          cp == 0x9
              || cp == 0xA
              || cp == 0xD
              || (cp >= 0x20 && cp <= 0x7E)
              || cp == 0x85
              || (cp >= 0xA0 && cp <= 0xD7FF)
              || (cp >= 0xE000 && cp <= 0xFFFD)
              || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (!ok) {
        return Optional.of(i);
      }
      i += Character.charCount(cp);
    }
    return Optional.empty();
  }

  /** The 1-based line and column (in code points) of a char index in the text. */
  static Location at(String file, String text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = text.codePointCount(lineStart, Math.min(index, text.length())) + 1;
    return new Location(file, line, column);
  }
}
