package dev.rolectl.engine.input;

/**
 * A kind of file that users hand to rolectl, for {@link InputFile} and {@link StrictJson}: what
 * to call it in messages, the most it may hold, and what to do when it is broken.
 *
 * @param noun what the file is, after "the" ({@code saved plan}, {@code account file})
 * @param maxBytes the largest file read, in bytes; a longer one (or an endless stream such as
 *     {@code /dev/zero}) is refused after reading one byte more
 * @param remedy what to do when the file is not valid, e.g. {@code make the plan again (rolectl
 *     plan --out FILE)}
 */
public record InputKind(String noun, long maxBytes, String remedy) {
  /** One mebibyte, the unit limits are given in. */
  public static final long MIB = 1024L * 1024;

  public InputKind {
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
    }
  }

  /** The limit in whole MiB, for messages. */
  String limit() {
    return maxBytes % MIB == 0 ? maxBytes / MIB + " MiB" : maxBytes + " bytes";
  }
}
