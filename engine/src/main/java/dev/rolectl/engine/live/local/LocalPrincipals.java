package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.model.PrincipalType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The users and groups of an account file being edited: their attached policy ARNs (mutable
 * lists) and users' permissions boundaries, by name case-insensitively (as IAM matches names).
 */
final class LocalPrincipals {
  private final Map<PrincipalType, Map<String, List<String>>> attached =
      new EnumMap<>(PrincipalType.class);
  private final Map<String, String> boundaries = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  /** Everything else read of each principal (inline policies, groups, tags): kept as read. */
  private final Map<String, LivePrincipal> read = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  LocalPrincipals(List<LivePrincipal> principals) {
    attached.put(PrincipalType.USER, new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
    attached.put(PrincipalType.GROUP, new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
    for (LivePrincipal p : principals) {
      attached.get(p.type()).put(p.name(), new ArrayList<>(p.attachedPolicyArns()));
      read.put(key(p.type(), p.name()), p);
      if (p.permissionsBoundaryArn() != null) {
        boundaries.put(key(p.type(), p.name()), p.permissionsBoundaryArn());
      }
    }
  }

  /** The attached policy ARNs of a user or group (the list itself), or null when there is none. */
  List<String> attached(PrincipalType type, String name) {
    return attached.get(type).get(name);
  }

  /** Adds the users and groups the policy is attached to, by type. */
  void addAttachments(String arn, Map<PrincipalType, List<String>> out) {
    attached.forEach(
        (type, byName) ->
            byName.forEach(
                (name, arns) -> {
                  if (arns.contains(arn)) {
                    out.computeIfAbsent(type, t -> new ArrayList<>()).add(name);
                  }
                }));
  }

  /** Calls {@code each} with every (type, name, policy ARN) attachment. */
  void forEachAttachment(AttachmentConsumer each) {
    attached.forEach(
        (type, byName) -> byName.forEach((name, arns) -> arns.forEach(arn -> each.accept(type, name, arn))));
  }

  /** Makes this equal to {@code other} (a {@link #copy()} taken earlier), which it then owns. */
  void replaceWith(LocalPrincipals other) {
    attached.forEach((type, byName) -> {
      byName.clear();
      byName.putAll(other.attached.get(type));
    });
    boundaries.clear();
    boundaries.putAll(other.boundaries);
    read.clear();
    read.putAll(other.read);
  }

  /** A copy that later changes to this one do not affect. */
  LocalPrincipals copy() {
    return new LocalPrincipals(toLive());
  }

  /** Receives one attachment of a policy to a user or group. */
  interface AttachmentConsumer {
    void accept(PrincipalType type, String name, String policyArn);
  }

  /** The principals whose permissions boundary the policy is, as {@code user/NAME}. */
  List<String> boundedBy(String arn) {
    List<String> out = new ArrayList<>();
    boundaries.forEach(
        (who, b) -> {
          if (b.equals(arn)) {
            out.add(who);
          }
        });
    return out;
  }

  List<LivePrincipal> toLive() {
    List<LivePrincipal> out = new ArrayList<>();
    attached.forEach(
        (type, byName) ->
            byName.forEach(
                (name, arns) -> {
                  LivePrincipal was = read.get(key(type, name));
                  String boundary = boundaries.get(key(type, name));
                  out.add(was == null ? new LivePrincipal(type, name, arns, boundary)
                      : was.withAttached(arns, boundary));
                }));
    return out;
  }

  private static String key(PrincipalType type, String name) {
    return type.name().toLowerCase(Locale.ROOT) + "/" + name;
  }
}
