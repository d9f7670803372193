package dev.rolectl.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.plan.PlanSignature.State;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** HMAC-SHA-256 signatures of plan files: any edit breaks them, another key is told apart. */
class PlanSignatureTest {
  static final PlanKey KEY = PlanKey.of("k".repeat(32).getBytes(StandardCharsets.UTF_8));
  static final PlanKey OTHER = PlanKey.of("o".repeat(40).getBytes(StandardCharsets.UTF_8));

  static String signed() {
    return PlanSignature.sign(PlanFile.write(PlanFileCheckTest.plan()), KEY);
  }

  @Test
  void aSignedPlanVerifiesWithItsKeyAndStillReads() {
    String json = signed();
    PlanSignature.Check check = PlanSignature.check(json, Optional.of(KEY));
    assertEquals(State.VALID, check.state());
    assertEquals(KEY.id(), check.keyId());
    assertTrue(check.acceptable());
    assertEquals("signed with plan key " + KEY.id() + " (verified)", check.describe());
    assertEquals(PlanFile.write(PlanFileCheckTest.plan()), PlanFile.write(PlanFile.read(json)));
  }

  @Test
  void reformattingKeepsTheSignatureButAnyEditBreaksIt() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    String compact = mapper.writeValueAsString(mapper.readTree(signed()));
    assertEquals(State.VALID, PlanSignature.check(compact, Optional.of(KEY)).state(),
        "the canonical form does not depend on whitespace or member order");
    String edited = signed().replace("\"iam:PassRole\"", "\"*\"");
    assertNotEquals(signed(), edited);
    PlanSignature.Check check = PlanSignature.check(edited, Optional.of(KEY));
    assertEquals(State.INVALID, check.state());
    assertFalse(check.acceptable());
    assertTrue(check.describe().contains("the file was changed after it was signed"), check.describe());
    ObjectNode root = (ObjectNode) mapper.readTree(signed());
    root.put("createdAt", "2030-01-01T00:00:00Z");
    assertEquals(State.INVALID,
        PlanSignature.check(mapper.writeValueAsString(root), Optional.of(KEY)).state(),
        "even a field apply does not use");
  }

  @Test
  void anotherKeyNoKeyNoSignatureAndABrokenSignatureAreToldApart() throws Exception {
    assertEquals(State.OTHER_KEY, PlanSignature.check(signed(), Optional.of(OTHER)).state());
    assertFalse(PlanSignature.check(signed(), Optional.of(OTHER)).acceptable());
    PlanSignature.Check unchecked = PlanSignature.check(signed(), Optional.empty());
    assertEquals(State.NOT_CHECKED, unchecked.state());
    assertTrue(unchecked.acceptable(), "without a key apply goes on (and plans again)");
    String plain = PlanFile.write(PlanFileCheckTest.plan());
    assertEquals(State.UNSIGNED, PlanSignature.check(plain, Optional.empty()).state());
    assertTrue(PlanSignature.check(plain, Optional.empty()).acceptable());
    assertFalse(PlanSignature.check(plain, Optional.of(KEY)).acceptable());
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = (ObjectNode) mapper.readTree(signed());
    ((ObjectNode) root.get("signature")).put("algorithm", "none");
    PlanSignature.Check broken = PlanSignature.check(mapper.writeValueAsString(root), Optional.empty());
    assertEquals(State.MALFORMED, broken.state());
    assertFalse(broken.acceptable(), "a signature rolectl does not write is refused even without a key");
  }

  @Test
  void aKeyIdNamesTheKeyWithoutGivingItAway() {
    assertTrue(KEY.id().matches("[0-9a-f]{16}"), KEY.id());
    assertEquals(KEY.id(), PlanKey.of("k".repeat(32).getBytes(StandardCharsets.UTF_8)).id());
    assertNotEquals(KEY.id(), OTHER.id());
    assertFalse(signed().contains("kkkk"), "the key is not in the file");
    IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
        () -> PlanKey.of(new byte[31]));
    assertTrue(shortKey.getMessage().contains("at least 32 bytes"), shortKey.getMessage());
  }

  @Test
  void aMultiAccountPlanIsSignedAsAWhole() {
    String json = PlanSignature.sign(MultiPlanFile.write(MultiPlanTest.of(null,
        MultiPlanTest.planned("111111111111"))), KEY);
    assertEquals(State.VALID, PlanSignature.check(json, Optional.of(KEY)).state());
    assertEquals(1, MultiPlanFile.read(json).accounts().size());
    assertEquals(State.INVALID, PlanSignature.check(json.replace("team-1", "team-9"),
        Optional.of(KEY)).state());
  }
}
