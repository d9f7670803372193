package dev.rolectl.engine.plan;

import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Stack;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/** Hashes that tie a saved plan to the stack and the live state it was made from. */
public final class Fingerprints {
  private Fingerprints() {}

  /** SHA-256 of the resolved stack: formatting and comments do not change it. */
  public static String stack(Stack stack) {
    List<Resource> all = new ArrayList<>(stack.resources());
    return "sha256:" + sha256(PlanFile.canonical(all), stack.name());
  }

  /** SHA-256 of the part of a live account that concerns the stack (for stale-plan checks). */
  public static String live(Stack stack, dev.rolectl.engine.live.LiveAccount account) {
    return live(CurrentState.of(stack, account).resources().values());
  }

  /** SHA-256 of the live resources in a stack's scope. */
  static String live(Collection<Resource> liveResources) {
    return "sha256:" + sha256(PlanFile.canonical(new ArrayList<>(liveResources)), "");
  }

  private static String sha256(byte[] bytes, String salt) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(salt.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(bytes);
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
