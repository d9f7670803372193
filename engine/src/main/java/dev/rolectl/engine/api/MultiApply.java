package dev.rolectl.engine.api;

import dev.rolectl.engine.apply.ApplyResult;
import dev.rolectl.engine.apply.ChangeOutcome;
import dev.rolectl.engine.apply.Stop;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.Targets;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.plan.AccountPlan;
import dev.rolectl.engine.plan.MultiPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applying in many accounts: each account's locks are taken and its plan made (from the stack) or
 * checked (a saved multi-account plan: an account whose live IAM changed since is refused alone),
 * then, once the front end has its yes, every account's changes are applied, at most {@code
 * parallelism} accounts at once. {@link #close()} releases every lock.
 */
public final class MultiApply implements AutoCloseable {
  private final List<Session> sessions;
  private final MultiPlan report;
  private final int parallelism;

  /**
   * One account: its target and session when it could be opened, else why not; {@code edited}
   * when its part of a saved plan is not what its stack makes there (the file was edited).
   */
  private record Session(AccountRef account, AccountPlan plan, Target target,
      AutoCloseable session, Applying applying, boolean edited) implements AutoCloseable {
    Session(AccountRef account, AccountPlan plan, Target target, AutoCloseable session,
        Applying applying) {
      this(account, plan, target, session, applying, false);
    }

    @Override
    public void close() {
      try {
        if (session != null) {
          session.close();
        }
      } catch (dev.rolectl.engine.live.TargetException e) {
        throw new dev.rolectl.engine.live.TargetException(
            "account " + account.id() + ": " + e.getMessage(), e); // a lock not released: say so
      } catch (Exception e) {
        // released as far as it could be; the lock's lease ends it otherwise
      } finally {
        if (target != null) {
          target.close();
        }
      }
    }
  }

  @FunctionalInterface
  private interface Applying {
    dev.rolectl.engine.apply.ApplyResult apply(ApplySettings s, Consumer<EngineEvent> e, Stop stop);
  }

  private MultiApply(List<Session> sessions, MultiPlan report, int parallelism) {
    this.sessions = sessions;
    this.report = report;
    this.parallelism = parallelism;
  }

  /**
   * Locks and plans the stack in every account.
   *
   * @param stop the stop that {@link #apply} will be given; its {@link Stop#abort} releases every
   *     account's locks at once, from the aborting thread, even while accounts are planned
   */
  public static MultiApply fromStack(List<AccountRef> accounts, AccountAccess access,
      Function<AccountRef, StackSource> sources, boolean adopt, Duration lockTimeout,
      int parallelism, Consumer<EngineEvent> lockEvents, Stop stop) {
    Instant started = Instant.now();
    List<Session> sessions = AccountRun.each(accounts, parallelism, a -> {
      String role = access.roleArn(a.id());
      Target t = null;
      try {
        t = Targets.open("aws", access.optionsFor(a.id()));
        StackApply s = StackApply.open(sources.apply(a), t, adopt, lockTimeout,
            e -> lockEvents.accept(new EngineEvent.InAccount(a.id(), e)), e -> {}, stop);
        PlanOutcome o = s.outcome();
        AccountPlan p = o.failed()
            ? AccountPlan.failed(a.id(), a.name(), role, MultiPlanner.errors(o))
            : AccountPlan.planned(a.id(), a.name(), role, o.plan().get());
        return new Session(a, p, t, s, o.failed() ? null : s::apply);
      } catch (RuntimeException e) {
        if (t != null) {
          t.close();
        }
        return new Session(a, AccountPlan.failed(a.id(), a.name(), role, AccountRun.message(e)),
            null, null, null);
      }
    });
    String stack = sessions.stream().filter(s -> s.plan().plan() != null)
        .map(s -> s.plan().plan().stack()).findFirst().orElse("");
    return new MultiApply(sessions, new MultiPlan(MultiPlan.FORMAT_VERSION, stack, null, started,
        List.of(), sessions.stream().map(Session::plan).toList()), parallelism);
  }

  /**
   * Locks every account of a saved multi-account plan that has changes and plans its stack again
   * there ({@link SavedApply}): an account whose live IAM changed since, or whose changes in the
   * file are not what its stack makes now, is reported failed ("stale plan", "does not match")
   * and left alone; the others apply what was planned again. {@code stop} as for {@link
   * #fromStack}.
   */
  public static MultiApply fromPlan(MultiPlan saved, AccountAccess access, Duration lockTimeout,
      int parallelism, Consumer<EngineEvent> lockEvents, Stop stop) {
    List<AccountRef> refs = saved.accounts().stream()
        .map(a -> new AccountRef(a.accountId(), a.accountName())).toList();
    List<Session> sessions = AccountRun.each(refs, parallelism, a -> {
      AccountPlan p = saved.accounts().stream()
          .filter(x -> x.accountId().equals(a.id())).findFirst().orElseThrow();
      if (p.plan() == null || !p.plan().hasChanges()) {
        return new Session(a, p, null, null, null);
      }
      String role = p.roleArn() != null ? p.roleArn() : access.roleArn(a.id());
      Target t = null;
      try {
        t = Targets.open("aws", access.optionsForRole(role));
        SavedApply s = SavedApply.open(p.plan(), t, lockTimeout,
            e -> lockEvents.accept(new EngineEvent.InAccount(a.id(), e)), stop);
        if (s.refusal().isPresent()) {
          String why = "refused, nothing was changed in this account: " + s.refusal().get();
          boolean edited = s.edited();
          s.close();
          t.close();
          return new Session(a, AccountPlan.failed(a.id(), a.name(), role, why), null, null, null,
              edited);
        }
        return new Session(a, AccountPlan.planned(a.id(), a.name(), role, s.plan()), t, s,
            s::apply);
      } catch (RuntimeException e) {
        if (t != null) {
          t.close();
        }
        return new Session(a, AccountPlan.failed(a.id(), a.name(), role, AccountRun.message(e)),
            null, null, null);
      }
    });
    sessions = refusedWhenEdited(sessions);
    return new MultiApply(sessions, new MultiPlan(saved.formatVersion(), saved.stack(),
        saved.stackDigest(), saved.createdAt(), saved.shards(), sessions.stream().map(Session::plan).toList()),
        parallelism);
  }

  /**
   * A saved plan edited in one account is refused in all: the others are closed unapplied, each
   * saying which account showed the edit. An account overtaken by live changes (stale) is refused
   * alone.
   */
  private static List<Session> refusedWhenEdited(List<Session> sessions) {
    List<String> edited = sessions.stream().filter(Session::edited)
        .map(s -> s.account().id()).toList();
    if (edited.isEmpty()) {
      return sessions;
    }
    List<Session> out = new ArrayList<>();
    for (Session s : sessions) {
      if (s.edited() || s.applying() == null) {
        out.add(s);
        continue;
      }
      s.close();
      out.add(new Session(s.account(), AccountPlan.failed(s.account().id(), s.account().name(),
          s.plan().roleArn(), "refused, nothing was changed in this account: the saved plan was"
              + " edited (its changes for account " + String.join(", ", edited) + " are not what its"
              + " stack makes there), so no account of it is applied; make the plan again"),
          null, null, null, false));
    }
    return out;
  }

  /** Every account's plan (or why it has none), as it will be applied. */
  public MultiPlan report() {
    return report;
  }

  /**
   * Applies every account's plan that has changes; failed accounts are reported with their
   * reason. Events are reported one at a time.
   */
  public List<AccountApplied> apply(ApplySettings settings, Consumer<EngineEvent> events, Stop stop) {
    Consumer<EngineEvent> oneAtATime = e -> {
      synchronized (this) {
        events.accept(e);
      }
    };
    List<AccountRef> refs = sessions.stream().map(Session::account).toList();
    return AccountRun.each(refs, parallelism, a -> {
      Session s = sessions.stream().filter(x -> x.account().equals(a)).findFirst().orElseThrow();
      if (s.plan().plan() == null) {
        return new AccountApplied(a, null, s.plan().error());
      }
      if (s.applying() == null || !s.plan().plan().hasChanges()) {
        return new AccountApplied(a, null, null);
      }
      if (stop.reason().isPresent()) {
        // interrupted before this account's turn: none of its changes is started
        return new AccountApplied(a, new ApplyResult(s.plan().plan().effectiveChanges().stream()
            .map(c -> new ChangeOutcome(c.address(), c.action(), ChangeOutcome.Status.NOT_STARTED,
                "not started: " + stop.reason().get(), Duration.ZERO, null)).toList(),
            Duration.ZERO), null);
      }
      try {
        Consumer<EngineEvent> mine = e -> oneAtATime.accept(new EngineEvent.InAccount(a.id(), e));
        return new AccountApplied(a, s.applying().apply(settings, mine, stop), null);
      } catch (RuntimeException e) {
        return new AccountApplied(a, null, AccountRun.message(e));
      }
    });
  }

  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (Session s : sessions) {
      try {
        s.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    if (failures.size() == 1) {
      throw failures.get(0);
    }
    if (!failures.isEmpty()) {
      throw new dev.rolectl.engine.live.TargetException(failures.stream()
          .map(RuntimeException::getMessage).collect(java.util.stream.Collectors.joining("\n")));
    }
  }
}
