package dev.rolectl.engine.live.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.NewPolicy;
import dev.rolectl.engine.live.NewRole;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.model.PrincipalType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalIamWriterTest {
  @TempDir Path dir;

  static NewRole role(String name) {
    return new NewRole(name, "/", null, 3600, LocalAccountStoreTest.TRUST, null, Map.of("rolectl:stack", "s"));
  }

  @Test
  void aUnitIsWrittenOnceOrNotAtAll() throws Exception {
    Path file = dir.resolve("account.json");
    LocalIamWriter w = new LocalIamWriter(new LocalAccountStore(file));
    assertThrows(
        IamWriteException.class,
        () ->
            w.unit(
                u -> {
                  u.createRole(role("a"));
                  u.deleteRolePolicy("a", "missing");
                  return null;
                }));
    assertFalse(Files.exists(file), "a failed unit writes nothing");
    w.unit(
        u -> {
          u.createRole(role("a"));
          u.putRolePolicy("a", "p", LocalAccountStoreTest.TRUST);
          return null;
        });
    LocalState s = new LocalAccountStore(file).load();
    assertEquals(List.of("p"), List.copyOf(s.account().roles().get("a").inlinePolicies().keySet()));
    assertTrue(s.account().roles().get("a").arn().endsWith(":role/a"));
  }

  @Test
  void anAccountFileReachedThroughASymlinkIsWrittenWhereTheLinkPoints() throws Exception {
    Path real = dir.resolve("real/m.json");
    Files.createDirectories(real.getParent());
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real/m.json"));
    try (FileTarget t = FileTarget.local(link, "local:" + link)) {
      t.writer().orElseThrow().createRole(role("a"));
    }
    assertTrue(Files.isSymbolicLink(link), "the link stays a link");
    assertTrue(new LocalAccountStore(real).load().account().roles().containsKey("a"),
        "the file it points to holds the change");
    assertTrue(Files.exists(dir.resolve("real/m.json.lock")), "one lock for both paths");
    assertFalse(Files.exists(dir.resolve("link.json.lock")));
  }

  @Test
  void behavesLikeIamForConflictsAndMissingThings() {
    IamWriter w = new LocalIamWriter(new LocalAccountStore(dir.resolve("account.json")));
    w.createRole(role("a"));
    IamWriteException exists = assertThrows(IamWriteException.class, () -> w.createRole(role("a")));
    assertEquals(IamWriteException.Kind.ALREADY_EXISTS, exists.kind());
    w.attachPolicy(PrincipalType.ROLE, "a", "arn:aws:iam::aws:policy/ReadOnlyAccess");
    assertEquals(IamWriteException.Kind.DELETE_CONFLICT, assertThrows(IamWriteException.class, () -> w.deleteRole("a")).kind());
    assertEquals(
        IamWriteException.Kind.NOT_FOUND,
        assertThrows(IamWriteException.class, () -> w.detachPolicy(PrincipalType.ROLE, "a", "arn:aws:iam::123456789012:policy/x")).kind());
    assertEquals(
        IamWriteException.Kind.NOT_FOUND,
        assertThrows(IamWriteException.class, () -> w.attachPolicy(PrincipalType.USER, "nobody", "arn:aws:iam::aws:policy/ReadOnlyAccess")).kind());
    String arn = w.createPolicy(new NewPolicy("p", "/x/", null, LocalAccountStoreTest.TRUST, Map.of()));
    assertEquals("arn:aws:iam::123456789012:policy/x/p", arn);
    for (int i = 0; i < 4; i++) {
      w.createPolicyVersion(arn, LocalAccountStoreTest.TRUST);
    }
    assertEquals(IamWriteException.Kind.LIMIT_EXCEEDED, assertThrows(IamWriteException.class, () -> w.createPolicyVersion(arn, LocalAccountStoreTest.TRUST)).kind());
    assertEquals(IamWriteException.Kind.DELETE_CONFLICT, assertThrows(IamWriteException.class, () -> w.deletePolicy(arn)).kind());
    assertEquals("v5", w.policyVersions(arn).defaultVersionId());
  }

  @Test
  void namesAreUniqueCaseInsensitivelyAsInIam() {
    IamWriter w = new LocalIamWriter(new LocalAccountStore(dir.resolve("account.json")));
    w.createRole(role("deployrole"));
    IamWriteException exists = assertThrows(IamWriteException.class, () -> w.createRole(role("DeployRole")));
    assertEquals(IamWriteException.Kind.ALREADY_EXISTS, exists.kind());
    assertEquals("deployrole", w.getRole("DEPLOYROLE").orElseThrow().name());
    w.createPolicy(new NewPolicy("Extras", "/", null, LocalAccountStoreTest.TRUST, Map.of()));
    assertEquals(IamWriteException.Kind.ALREADY_EXISTS, assertThrows(IamWriteException.class,
        () -> w.createPolicy(new NewPolicy("extras", "/", null, LocalAccountStoreTest.TRUST, Map.of()))).kind());
    w.deleteRole("DeployRole");
    assertTrue(w.getRole("deployrole").isEmpty());
  }

  /** Attached or set as a boundary under another case, a policy is kept under its own ARN. */
  @Test
  void aPolicyNamedInAnotherCaseIsKeptUnderItsOwnArn() {
    Path file = dir.resolve("account.json");
    IamWriter w = new LocalIamWriter(new LocalAccountStore(file));
    String arn = w.createPolicy(new NewPolicy("wide", "/", null, LocalAccountStoreTest.TRUST, Map.of()));
    w.createRole(role("app"));
    String upper = arn.replace("policy/wide", "policy/WIDE");
    w.attachPolicy(PrincipalType.ROLE, "app", upper);
    w.putRolePermissionsBoundary("app", upper);
    assertEquals(java.util.List.of(arn), w.roleLinks("app").attachedPolicyArns());
    assertEquals(arn, w.getRole("app").orElseThrow().permissionsBoundaryArn());
    w.detachPolicy(PrincipalType.ROLE, "app", upper);
    assertTrue(w.roleLinks("app").attachedPolicyArns().isEmpty());
  }

  @Test
  void aPolicyThatIsAPermissionsBoundaryIsNotDeleted() {
    IamWriter w = new LocalIamWriter(new LocalAccountStore(dir.resolve("account.json")));
    String arn = w.createPolicy(new NewPolicy("fence", "/", null, LocalAccountStoreTest.TRUST, Map.of()));
    w.createRole(role("app"));
    w.putRolePermissionsBoundary("app", arn);
    IamWriteException e = assertThrows(IamWriteException.class, () -> w.deletePolicy(arn));
    assertEquals(IamWriteException.Kind.DELETE_CONFLICT, e.kind());
    assertTrue(e.getMessage().contains("permissions boundary of role/app"), e.getMessage());
    w.deleteRolePermissionsBoundary("app");
    w.deletePolicy(arn);
    assertTrue(w.getPolicy(arn).isEmpty());
  }

  @Test
  void aTrustPolicyNamingARoleThatDoesNotExistIsAnInvalidPrincipalAsInIam() {
    IamWriter w = new LocalIamWriter(new LocalAccountStore(dir.resolve("account.json")));
    var selfTrust = dev.rolectl.engine.policy.PolicyParser.parseJson(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"AWS\":\"arn:aws:iam::123456789012:role/ci/selfish\"},\"Action\":\"sts:AssumeRole\"}]}")
        .document().orElseThrow();
    IamWriteException e = assertThrows(IamWriteException.class, () -> w.createRole(
        new NewRole("selfish", "/ci/", null, 3600, selfTrust, null, Map.of())));
    assertEquals(IamWriteException.Kind.MALFORMED_POLICY, e.kind());
    assertTrue(e.getMessage().contains("Invalid principal"), e.getMessage());
    w.createRole(new NewRole("selfish", "/ci/", null, 3600, LocalAccountStoreTest.TRUST, null, Map.of()));
    w.updateAssumeRolePolicy("selfish", selfTrust); // accepted once the role exists
  }

  @Test
  void aSecondApplyIsRefusedAtOnceNamingTheHolder() {
    Path file = dir.resolve("account.json");
    LocalIamWriter w = new LocalIamWriter(new LocalAccountStore(file));
    try (IamWriter.Lock lock = w.lock()) {
      w.createRole(role("a")); // the holder's own updates go on
      TargetException e = assertThrows(TargetException.class, () -> new LocalIamWriter(new LocalAccountStore(file)).lock());
      assertTrue(e.getMessage().startsWith("another rolectl apply is running on " + file.toAbsolutePath()), e.getMessage());
      assertTrue(e.getMessage().contains(".lock held by"), e.getMessage());
    }
    try (IamWriter.Lock again = w.lock()) {
      assertTrue(new LocalAccountStore(file).load().account().roles().containsKey("a"));
    }
  }
}
