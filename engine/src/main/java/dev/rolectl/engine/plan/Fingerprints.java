package dev.rolectl.engine.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Stack;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;

/** Hashes that tie a saved plan to the stack and the live state it was made from. */
public final class Fingerprints {
  private Fingerprints() {}

  /**
   * SHA-256 of a resolved stack (the plan file's {@code stackHash}): of the canonical JSON of its
   * {@code resolvedStack} section without the resources' file locations, so formatting and comments
   * do not change it; names, settings, account, partition, {@code --adopt} and every resource do.
   */
  public static String stack(ResolvedStack resolved) {
    ObjectNode tree = ResolvedStackJson.write(resolved);
    tree.withArray("resources").forEach(r -> ((ObjectNode) r).remove("location"));
    return "sha256:" + sha256("rolectl resolved stack", CanonicalJson.bytes(tree));
  }

  /**
   * SHA-256 of the part of a live account that concerns the stack, bound to the account, its
   * partition and the stack's name: the same resources in another account (or none, for a stack
   * not created yet) give another fingerprint.
   */
  public static String live(Stack stack, LiveAccount account) {
    return live(stack, account.accountId(), CurrentState.of(stack, account).resources().values());
  }

  /** SHA-256 of the live resources in a stack's scope, in {@code accountId}. */
  static String live(Stack stack, String accountId, Collection<Resource> liveResources) {
    String salt = "rolectl live state\0" + stack.name() + "\0" + accountId + "\0" + stack.partition();
    return "sha256:" + sha256(salt, PlanFile.canonical(new ArrayList<>(liveResources)));
  }

  private static String sha256(String salt, byte[] bytes) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(salt.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(bytes);
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
