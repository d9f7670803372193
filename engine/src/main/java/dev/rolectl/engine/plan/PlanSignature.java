package dev.rolectl.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signed plan files (one account or many): a top-level {@code "signature": {"algorithm":
 * "HMAC-SHA256", "keyId": ..., "value": ...}} whose value is HMAC-SHA-256, with a {@link PlanKey},
 * of the file's canonical form without that member ({@link CanonicalJson}: members sorted, no
 * whitespace, UTF-8). Any change to any other field breaks it. A signature says who made the file
 * (whoever holds the key); {@code apply} still plans the file's stack again and refuses it unless
 * the result is the file's changes, signed or not.
 */
public final class PlanSignature {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern VALUE = Pattern.compile("[0-9a-f]{64}");

  /** What a file's signature is, against the key configured (if any). */
  public enum State {
    /** No signature. */
    UNSIGNED,
    /** Signed with the configured key, and the file is as signed. */
    VALID,
    /** Signed, but no key is configured: not checked. */
    NOT_CHECKED,
    /** Signed with another key than the configured one. */
    OTHER_KEY,
    /** Signed with the configured key's id, but the file is not what was signed. */
    INVALID,
    /** A {@code signature} member that is not one rolectl writes. */
    MALFORMED
  }

  /**
   * @param keyId the key id the file names; {@code null} when unsigned or malformed
   * @param configured the id of the configured key; {@code null} when none
   */
  public record Check(State state, String keyId, String configured) {
    /** Whether {@code apply} takes the file as far as its signature goes. */
    public boolean acceptable() {
      return configured == null ? state != State.MALFORMED : state == State.VALID;
    }

    /** One line for people: "signed with plan key ID (verified)"... */
    public String describe() {
      return switch (state) {
        case UNSIGNED -> "not signed" + (configured == null ? "" : ", and a plan key (id "
            + configured + ") is set: apply refuses an unsigned plan while a key is set");
        case VALID -> "signed with plan key " + keyId + " (verified)";
        case NOT_CHECKED -> "signed with plan key " + keyId + " (not verified: no plan key is set;"
            + " set ROLECTL_PLAN_KEY or ROLECTL_PLAN_KEY_FILE to check it)";
        case OTHER_KEY -> "signed with plan key " + keyId + ", NOT with the plan key that is set"
            + " (id " + configured + "): apply refuses it";
        case INVALID -> "signed with plan key " + keyId + ", but the signature does NOT match the"
            + " content: the file was changed after it was signed; apply refuses it";
        case MALFORMED -> "its signature is not one rolectl writes (the file was edited): apply"
            + " refuses it";
      };
    }
  }

  private PlanSignature() {}

  /** {@code json} (a plan file rolectl wrote) with a signature by {@code key}, ending in a newline. */
  public static String sign(String json, PlanKey key) {
    ObjectNode root = (ObjectNode) tree(json);
    root.remove("signature");
    String value = key.mac(CanonicalJson.bytes(root));
    ObjectNode sig = root.putObject("signature");
    sig.put("algorithm", PlanKey.ALGORITHM);
    sig.put("keyId", key.id());
    sig.put("value", value);
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a signed plan did not serialise", e);
    }
  }

  /** The state of {@code json}'s signature against {@code key} (empty: none configured). */
  public static Check check(String json, Optional<PlanKey> key) {
    String configured = key.map(PlanKey::id).orElse(null);
    JsonNode root = tree(json);
    JsonNode sig = root.get("signature");
    if (sig == null) {
      return new Check(State.UNSIGNED, null, configured);
    }
    if (!sig.isObject() || sig.size() != 3
        || !PlanKey.ALGORITHM.equals(sig.path("algorithm").asText(null))
        || !sig.path("keyId").isTextual() || !KEY_ID.matcher(sig.get("keyId").asText()).matches()
        || !sig.path("value").isTextual() || !VALUE.matcher(sig.get("value").asText()).matches()) {
      return new Check(State.MALFORMED, null, configured);
    }
    String keyId = sig.get("keyId").asText();
    if (key.isEmpty()) {
      return new Check(State.NOT_CHECKED, keyId, null);
    }
    if (!keyId.equals(configured)) {
      return new Check(State.OTHER_KEY, keyId, configured);
    }
    ObjectNode content = ((ObjectNode) root).deepCopy();
    content.remove("signature");
    boolean same = MessageDigest.isEqual(
        key.get().mac(CanonicalJson.bytes(content)).getBytes(StandardCharsets.US_ASCII),
        sig.get("value").asText().getBytes(StandardCharsets.US_ASCII));
    return new Check(same ? State.VALID : State.INVALID, keyId, configured);
  }

  private static JsonNode tree(String json) {
    JsonNode root = MultiPlanFile.tree(json);
    if (root == null || !root.isObject()) {
      throw new PlanFormatException("not a rolectl plan (expected a JSON object, as 'rolectl plan"
          + " --out FILE' writes)");
    }
    return root;
  }
}
