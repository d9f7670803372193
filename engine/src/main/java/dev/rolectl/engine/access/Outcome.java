package dev.rolectl.engine.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The evaluation of one request, kept open where a test is unknown: which statements match,
 * each with the unknown tests (by label) it needs to be true. {@link #allowed} decides for one
 * answer to those tests, as the IAM User Guide's evaluation logic for one account does:
 *
 * <ol>
 *   <li>a Deny that applies, in any policy, denies;
 *   <li>an identity-based request (no resource policy) needs an Allow in the identity-based
 *       policies and, when the principal has a permissions boundary, an Allow in it too;
 *   <li>{@code sts:AssumeRole} also needs the role's trust policy: it must allow the principal.
 *       A trust statement that names the user itself allows a user without identity-based
 *       permission (and whatever its boundary); one that names the role itself allows a role
 *       within its boundary; one that names the account (or a trust that names the principal)
 *       allows with an identity-based Allow within the boundary.
 * </ol>
 */
final class Outcome {
  final List<Set<String>> idAllow = new ArrayList<>();
  final List<Set<String>> idDeny = new ArrayList<>();
  final List<Set<String>> boundaryAllow = new ArrayList<>();
  final List<Set<String>> boundaryDeny = new ArrayList<>();
  final List<Set<String>> trustDirect = new ArrayList<>();
  final List<Set<String>> trustAccount = new ArrayList<>();
  final List<Set<String>> trustDeny = new ArrayList<>();
  final boolean boundary;
  final boolean assume;
  final boolean user;

  Outcome(boolean boundary, boolean assume, boolean user) {
    this.boundary = boundary;
    this.assume = assume;
    this.user = user;
  }

  /** Whether the request is allowed when exactly the tests named in {@code trueTests} are true. */
  boolean allowed(Set<String> trueTests) {
    if (any(idDeny, trueTests) || any(boundaryDeny, trueTests) || any(trustDeny, trueTests)) {
      return false;
    }
    boolean identity = any(idAllow, trueTests);
    boolean bounded = !boundary || any(boundaryAllow, trueTests);
    if (!assume) {
      return identity && bounded;
    }
    boolean direct = any(trustDirect, trueTests);
    boolean trusted = direct || any(trustAccount, trueTests);
    return (direct && (user || bounded)) || (trusted && identity && bounded);
  }

  /** Every unknown test some matching statement needs (empty and shared when none). */
  Set<String> unknowns() {
    Set<String> out = null;
    for (List<Set<String>> g : List.of(idAllow, idDeny, boundaryAllow, boundaryDeny, trustDirect,
        trustAccount, trustDeny)) {
      for (Set<String> h : g) {
        if (!h.isEmpty()) {
          if (out == null) {
            out = new TreeSet<>();
          }
          out.addAll(h);
        }
      }
    }
    return out == null ? Set.of() : out;
  }

  private static boolean any(List<Set<String>> hits, Set<String> trueTests) {
    for (Set<String> h : hits) {
      if (trueTests.containsAll(h)) {
        return true;
      }
    }
    return false;
  }
}
