package dev.rolectl.engine.plan;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that signs saved plans (HMAC-SHA-256) and its public id. The id is the first 16 hex
 * digits of SHA-256 of {@code "rolectl plan key id"}, a zero byte and the key: it names the key in
 * plan files and messages without giving it away.
 */
public final class PlanKey {
  /** Fewest bytes a key may have: 32, as many as the HMAC-SHA-256 output. */
  public static final int MIN_BYTES = 32;

  static final String ALGORITHM = "HMAC-SHA256";

  private final byte[] secret;
  private final String id;

  private PlanKey(byte[] secret) {
    this.secret = secret.clone();
    this.id = idOf(this.secret);
  }

  /**
   * @throws IllegalArgumentException when the key has fewer than {@link #MIN_BYTES} bytes
   */
  public static PlanKey of(byte[] secret) {
    if (secret.length < MIN_BYTES) {
      throw new IllegalArgumentException("a plan key needs at least " + MIN_BYTES + " bytes, this"
          + " one has " + secret.length + " (make one with: openssl rand -hex 32)");
    }
    return new PlanKey(secret);
  }

  /** 16 hex digits that name the key. */
  public String id() {
    return id;
  }

  /** HMAC-SHA-256 of {@code data} with this key, as 64 hex digits. */
  String mac(byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA-256 is missing from this Java", e);
    }
  }

  private static String idOf(byte[] secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("rolectl plan key id".getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(secret);
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlanKey k && MessageDigest.isEqual(secret, k.secret);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(secret);
  }

  @Override
  public String toString() {
    return "plan key " + id;
  }
}
