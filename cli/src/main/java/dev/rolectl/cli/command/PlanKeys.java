package dev.rolectl.cli.command;

import dev.rolectl.engine.plan.PlanKey;
import dev.rolectl.engine.plan.PlanSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The plan key, from the environment: {@value #KEY} holds the secret itself, {@value #KEY_FILE}
 * names a file that holds it (its bytes, without one final newline). With a key, {@code plan
 * --out} and {@code merge --out} sign the file, {@code apply} refuses a plan that is not signed
 * with it, and {@code show} says whether it is. Without one, plans are written unsigned and a
 * signature is not checked. Either way {@code apply} plans the file's stack again and refuses it
 * unless the result is the file's changes.
 */
final class PlanKeys {
  static final String KEY = "ROLECTL_PLAN_KEY";
  static final String KEY_FILE = "ROLECTL_PLAN_KEY_FILE";
  private static final long MAX_FILE_BYTES = 64 * 1024;

  private PlanKeys() {}

  /**
   * The configured key; empty when neither variable is set.
   *
   * @throws UserError when both are set, one is set but empty (a CI secret that is not there), the
   *     file cannot be read, or the key is shorter than {@value PlanKey#MIN_BYTES} bytes
   */
  static Optional<PlanKey> from(Map<String, String> env) {
    String value = env.get(KEY);
    String file = env.get(KEY_FILE);
    if (value != null && file != null) {
      throw new UserError(KEY + " and " + KEY_FILE + " are both set: set one of them");
    }
    if (value == null && file == null) {
      return Optional.empty();
    }
    String from = value != null ? KEY : KEY_FILE + " (" + file + ")";
    if (value != null ? value.isEmpty() : file.isEmpty()) {
      throw new UserError((value != null ? KEY : KEY_FILE) + " is set but empty (a secret that is"
          + " not available here?): give the plan key, or unset the variable to work without one");
    }
    byte[] secret = value != null ? value.getBytes(StandardCharsets.UTF_8) : read(Path.of(file));
    try {
      return Optional.of(PlanKey.of(secret));
    } catch (IllegalArgumentException e) {
      throw new UserError(from + ": " + e.getMessage());
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static byte[] read(Path file) {
    try {
      if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
        throw new UserError(KEY_FILE + ": " + file + " is larger than " + MAX_FILE_BYTES / 1024
            + " KiB: it is not a plan key file");
      }
      byte[] bytes = Files.readAllBytes(file);
      int end = bytes.length;
      if (end > 0 && bytes[end - 1] == '\n') {
        end--;
        if (end > 0 && bytes[end - 1] == '\r') {
          end--;
        }
      }
      return Arrays.copyOf(bytes, end);
    } catch (NoSuchFileException e) {
      throw new UserError(KEY_FILE + ": " + file + " does not exist");
    } catch (IOException e) {
      throw new UserError(KEY_FILE + ": cannot read " + file + " (" + e.getMessage() + ")");
    }
  }

  /** {@code json} signed with the configured key; as it is without one. */
  static String signed(String json, Map<String, String> env) {
    return from(env).map(k -> PlanSignature.sign(json, k)).orElse(json);
  }

  /**
   * The signature check {@code apply} makes before anything else (no lock, no AWS call).
   *
   * @param note hears a line when a signature could not be checked (no key set)
   * @throws UserError when a key is set and {@code text} is not signed with it, or the signature
   *     is not one rolectl writes
   */
  static void forApply(Path file, String text, Map<String, String> env,
      java.util.function.Consumer<String> note) {
    PlanSignature.Check check = PlanSignature.check(text, from(env));
    if (!check.acceptable()) {
      throw new UserError(file + ": " + check.describe() + (check.state()
          == PlanSignature.State.UNSIGNED ? " (make the plan again with the key set: rolectl plan"
          + " STACK --out FILE)" : "") + "; nothing was changed");
    }
    if (check.state() == PlanSignature.State.NOT_CHECKED) {
      note.accept("note: " + file + " is " + check.describe() + "; apply checks it against live"
          + " IAM all the same");
    }
  }
}
