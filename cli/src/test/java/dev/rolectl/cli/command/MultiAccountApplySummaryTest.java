package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.api.AccountApplied;
import dev.rolectl.engine.api.AccountRef;
import dev.rolectl.engine.apply.ApplyResult;
import dev.rolectl.engine.apply.ChangeOutcome;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.plan.Action;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The closing lines of apply in many accounts, after an interruption and without one. */
class MultiAccountApplySummaryTest {
  static ChangeOutcome outcome(String role, ChangeOutcome.Status status) {
    return new ChangeOutcome(Address.role(role), Action.CREATE, status,
        status == ChangeOutcome.Status.DONE ? null : "why", Duration.ZERO, null);
  }

  static AccountApplied account(String id, ChangeOutcome... outcomes) {
    return new AccountApplied(new AccountRef(id, ""), new ApplyResult(List.of(outcomes),
        Duration.ZERO), null);
  }

  static String summary(boolean interrupted, AccountApplied... results) {
    StringWriter text = new StringWriter();
    MultiAccountApply.summary(List.of(results), interrupted, new PrintWriter(text));
    return text.toString();
  }

  @Test
  void anInterruptionNamesUnfinishedAndUnstartedAccountsNotFailed() {
    var done = account("111111111111", outcome("a", ChangeOutcome.Status.DONE));
    var cut = account("222222222222", outcome("a", ChangeOutcome.Status.DONE),
        outcome("b", ChangeOutcome.Status.NOT_STARTED));
    var never = account("333333333333", outcome("a", ChangeOutcome.Status.NOT_STARTED));
    var failed = account("444444444444", outcome("a", ChangeOutcome.Status.FAILED),
        outcome("b", ChangeOutcome.Status.NOT_STARTED));
    String s = summary(true, done, cut, never, failed);
    assertTrue(s.contains("111111111111                             applied: 1 created"), s);
    assertTrue(s.contains("222222222222                             interrupted: 1 created, 0"
        + " updated, 0 replaced, 0 deleted, 0 adopted, 1 not started"), s);
    assertTrue(s.contains("333333333333                             not started (interrupted)"), s);
    assertTrue(s.contains("444444444444                             failed: 0 created"), s);
    assertTrue(s.contains("Apply in 4 accounts:") && s.contains("1 of 4 accounts done."), s);
    String one = summary(false, never);
    assertTrue(one.contains("Apply in 1 account:") && one.contains("failed: 0 created"), one);
    assertTrue(one.contains("0 of 1 account done."), one);
  }
}
