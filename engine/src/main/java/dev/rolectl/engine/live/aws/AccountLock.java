package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.LockRequest;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.model.EngineEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The apply lock of one stack, held in the account as a customer managed policy named {@code
 * rolectl-lock.STACK} under a path of its own, {@code /rolectl-lock/TOKEN/} ({@link
 * IamWriter#LOCK_PATH} and a random token per apply). IAM keeps policy names unique in the
 * account whatever their path (and whatever their case), and {@code CreatePolicy} is atomic by
 * name: of applies that create it at once, one gets it, the others {@code EntityAlreadyExists}.
 * The path makes every holder's lock a policy of its own ARN, so that {@code DeletePolicy} and
 * {@code TagPolicy}, which IAM takes by ARN, can only ever reach the lock they were meant for: a
 * delayed delete of a lock whose lease ended cannot remove the lock that replaced it, a holder's
 * release and renewals cannot touch another holder's lock (they meet {@code NoSuchEntity}).
 * Why that closes the takeover race is in docs/security.md ("The apply lock").
 *
 * <p>The policy denies {@code sts:AssumeRole} and is attached to nothing; its tags name the holder
 * (the caller's ARN, host, process id), when it started and when the lease ends. A lock is taken
 * over (deleted by its ARN, then created anew) when its lease ended, or at once when its holder is
 * a process of this host that is gone (a killed apply): same host name and same pid space (the
 * kernel's boot id and the pid namespace, so that containers sharing a host name never count as
 * one host); a lock whose lease cannot be read is never taken over. The held lock is {@link
 * HeldLock}.
 *
 * <p>Calls: {@code CreatePolicy} to take, {@code DeletePolicy} to release (2 for an apply that
 * meets no other holder), one {@code TagPolicy} per sixth of a lease while held, and one before
 * the first change; while another holds it, per poll ({@value #POLL_SECONDS} s) {@code
 * CreatePolicy} and {@code ListPolicyTags}, and {@code ListPolicies} (path {@code
 * /rolectl-lock/}) whenever the holder's lock is not known yet. All of them go through the
 * target's clients, so {@code --stats} counts them.
 */
final class AccountLock {
  static final long POLL_SECONDS = 5;
  static final String TAG_LOCK = "rolectl:lock";
  static final String TAG_HOLDER = "rolectl:lock-holder";
  static final String TAG_HOST = "rolectl:lock-host";
  static final String TAG_PID = "rolectl:lock-pid";
  static final String TAG_PID_SPACE = "rolectl:lock-pid-space";
  static final String TAG_STARTED = "rolectl:lock-started";
  static final String TAG_EXPIRES = "rolectl:lock-expires";
  static final String TAG_TOKEN = "rolectl:lock-token";
  /** This process's pid space, as a tag value, or null where unknown (not Linux). */
  private static final String PID_SPACE = pidSpace();
  private static final String DOCUMENT =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"RolectlApplyLock\",\"Effect\":\"Deny\","
          + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}";
  /** How often in a row the name may be taken by a lock that cannot be found before giving up. */
  private static final int NOT_FOUND_TRIES = 5;

  private final IamClient iam;
  private final String arnPrefix;
  private final String holder;
  private final Clock clock;

  /** A lock policy found in the account: its ARN and path. */
  record Found(String arn, String path) {}

  /**
   * @param arnPrefix {@code arn:PARTITION:iam::ACCOUNT:policy}
   * @param holder the caller's ARN
   */
  AccountLock(IamClient iam, String arnPrefix, String holder, Clock clock) {
    this.iam = iam;
    this.arnPrefix = arnPrefix;
    this.holder = holder;
    this.clock = clock;
  }

  static String name(String stack) {
    return "rolectl-lock." + stack;
  }

  IamWriter.Lock acquire(LockRequest r) {
    String name = name(r.stack());
    String token = UUID.randomUUID().toString();
    String path = IamWriter.LOCK_PATH + token + "/";
    String arn = arnPrefix + path + name;
    Instant start = clock.instant();
    Found other = null;
    int notFound = 0;
    while (true) {
      Instant now = clock.instant();
      try {
        iam.createPolicy(b -> b.policyName(name).path(path).policyDocument(DOCUMENT)
            .description("rolectl apply lock of stack " + r.stack() + ": held by " + holder
                + " on " + host() + " since " + now)
            .tags(tags(r.stack(), token, now, now.plus(r.lease()))));
        return new HeldLock(iam, arn, r, new LockLease(r.lease(), now), clock);
      } catch (EntityAlreadyExistsException e) {
        if (other == null) {
          other = find(name).orElse(null);
          notFound = other == null ? notFound + 1 : 0;
        }
        if (other == null) {
          if (notFound < NOT_FOUND_TRIES) {
            sleep(Duration.ofSeconds(1));
            continue; // released between the two calls (or not listed yet): try again
          }
          throw new TargetException("cannot take the apply lock of stack " + r.stack() + ": IAM"
              + " says a policy named " + name + " exists (names are unique in the account,"
              + " whatever the path), but there is none under " + IamWriter.LOCK_PATH + ": a"
              + " policy of that name elsewhere blocks the lock; rename or delete it. Nothing was"
              + " changed");
        }
        if (other.path().equals(path)) {
          // an earlier attempt of our own CreatePolicy succeeded but its answer was lost (a reset
          // or a 5xx after IAM made the policy, then the SDK's retry met it): the lock is ours
          return new HeldLock(iam, arn, r, new LockLease(r.lease(), now), clock);
        }
        Optional<Map<String, String>> read = tagsOf(other.arn());
        if (read.isEmpty()) {
          other = null; // released meanwhile: try again
          continue;
        }
        Map<String, String> tags = read.get();
        Instant expires = instant(tags.get(TAG_EXPIRES));
        String stale = stale(tags, expires, now);
        if (stale != null) {
          r.events().accept(new EngineEvent.Waiting("apply lock of stack " + r.stack(),
              "taking over the lock of " + describe(tags) + ": " + stale, Duration.ZERO));
          deleteQuietly(other.arn()); // its own ARN: never a lock that replaced it
          other = null;
          continue;
        }
        Duration waited = Duration.between(start, now);
        if (waited.compareTo(r.timeout()) >= 0) {
          throw new TargetException("another rolectl apply of stack " + r.stack() + " holds the"
              + " lock in this account (" + other.arn() + "): " + describe(tags) + "; "
              + (expires == null
                  ? "its lease cannot be read (delete the policy if no apply is running)"
                  : "its lease ends at " + expires + " unless it renews it")
              + ". Wait for it to finish, or run with --lock-timeout DURATION to wait; nothing"
              + " was changed");
        }
        r.events().accept(new EngineEvent.Waiting("apply lock of stack " + r.stack(),
            "held by " + describe(tags) + "; waiting up to " + r.timeout().toSeconds()
                + " s in all", waited));
        sleep(Duration.ofSeconds(POLL_SECONDS).compareTo(r.timeout().minus(waited)) < 0
            ? Duration.ofSeconds(POLL_SECONDS) : r.timeout().minus(waited));
      } catch (SdkException e) {
        throw AwsErrors.translate(e, "take the apply lock " + arn
            + " (rolectl needs iam:CreatePolicy, iam:DeletePolicy, iam:TagPolicy,"
            + " iam:ListPolicyTags and iam:ListPolicies on policies under "
            + IamWriter.LOCK_PATH + ")");
      }
    }
  }

  /**
   * The lock policy of that name under {@link IamWriter#LOCK_PATH} ({@code ListPolicies}, local
   * scope, by path prefix; names compared as IAM compares them, case-insensitively), if any.
   */
  private Optional<Found> find(String name) {
    for (var page : iam.listPoliciesPaginator(
        b -> b.scope(PolicyScopeType.LOCAL).pathPrefix(IamWriter.LOCK_PATH).maxItems(100))) {
      for (Policy p : page.policies()) {
        if (name.equalsIgnoreCase(p.policyName()) && p.arn() != null && p.path() != null) {
          return Optional.of(new Found(p.arn(), p.path()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Why a lock someone holds may be taken over, or null: its lease ended, or its holder is a
   * process of this host that is gone (killed before it could delete the lock). A lock whose
   * lease cannot be read is not taken over (fail closed).
   */
  static String stale(Map<String, String> other, Instant expires, Instant now) {
    return stale(other, expires, now, host(), PID_SPACE);
  }

  /**
   * As {@link #stale(Map, Instant, Instant)} as seen from {@code host} and {@code pidSpace} (null
   * where unknown: then a holder is never known to be gone).
   */
  static String stale(Map<String, String> other, Instant expires, Instant now, String host,
      String pidSpace) {
    if (expires != null && expires.isBefore(now)) {
      return "its lease ended at " + expires;
    }
    String pid = other.get(TAG_PID);
    if (host.equals(other.get(TAG_HOST)) && pidSpace != null
        && pidSpace.equals(other.get(TAG_PID_SPACE)) && pid != null && pid.matches("\\d{1,18}")
        && ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true)) {
      return "its process " + pid + " on this host is gone";
    }
    return null;
  }

  private List<Tag> tags(String stack, String token, Instant started, Instant expires) {
    Map<String, String> t = new HashMap<>();
    t.put(TAG_LOCK, stack);
    t.put(TAG_HOLDER, tagValue(holder));
    t.put(TAG_HOST, tagValue(host()));
    t.put(TAG_PID, Long.toString(ProcessHandle.current().pid()));
    if (PID_SPACE != null) {
      t.put(TAG_PID_SPACE, PID_SPACE);
    }
    t.put(TAG_STARTED, started.toString());
    t.put(TAG_EXPIRES, expires.toString());
    t.put(TAG_TOKEN, token);
    return t.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }

  private Optional<Map<String, String>> tagsOf(String arn) {
    try {
      Map<String, String> out = new HashMap<>();
      iam.listPolicyTagsPaginator(b -> b.policyArn(arn)).tags()
          .forEach(t -> out.put(t.key(), t.value()));
      return Optional.of(out);
    } catch (NoSuchEntityException e) {
      return Optional.empty();
    }
  }

  private void deleteQuietly(String arn) {
    try {
      iam.deletePolicy(b -> b.policyArn(arn));
    } catch (NoSuchEntityException e) {
      // someone else released or took it over first
    }
  }

  private static String describe(Map<String, String> tags) {
    return tags.getOrDefault(TAG_HOLDER, "an unknown holder") + " on "
        + tags.getOrDefault(TAG_HOST, "an unknown host") + " pid " + tags.getOrDefault(TAG_PID, "?")
        + " since "
        + tags.getOrDefault(TAG_STARTED, "an unknown time");
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null; // not understood: never taken over (fail closed)
    }
  }

  /** Tag values: letters, digits, spaces and {@code _.:/=+-@}, at most 256 characters. */
  static String tagValue(String v) {
    String clean = v.replaceAll("[^\\p{L}\\p{N} _.:/=+\\-@]", "_");
    return clean.length() > 256 ? clean.substring(0, 256) : clean;
  }

  private static String host() {
    return tagValue(rawHost());
  }

  /**
   * The kernel's boot id ({@code /proc/sys/kernel/random/boot_id}) and the pid namespace ({@code
   * /proc/self/ns/pid}): two processes with the same pid space see the same process ids. Null
   * where either cannot be read.
   */
  private static String pidSpace() {
    try {
      String boot = java.nio.file.Files.readString(
          java.nio.file.Path.of("/proc/sys/kernel/random/boot_id")).trim();
      String ns = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/pid"))
          .toString();
      return tagValue(boot + "/" + ns);
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  private static String rawHost() {
    String h = System.getenv("HOSTNAME");
    if (h == null || h.isBlank()) {
      try {
        h = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException e) {
        h = "unknown-host";
      }
    }
    return h;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(Math.max(1, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetException("interrupted while waiting for the apply lock");
    }
  }
}
