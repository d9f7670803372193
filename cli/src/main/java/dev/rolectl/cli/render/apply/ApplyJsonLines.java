package dev.rolectl.cli.render.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.apply.ApplyResult;
import dev.rolectl.engine.apply.ChangeOutcome;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanDigest;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * {@code apply --json}: the same progress as {@link ApplyProgress}, one JSON object a line, for
 * bots. Types: {@code plan}, {@code change_started}, {@code change_finished}, {@code
 * change_skipped}, {@code waiting}, {@code break_glass} (a change made although a safety rule
 * blocks it), {@code message}, {@code summary}. Durations are in
 * milliseconds.
 */
public final class ApplyJsonLines implements Consumer<EngineEvent> {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final PrintWriter out;
  private final java.util.Set<String> broke =
      java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());

  public ApplyJsonLines(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void accept(EngineEvent e) {
    if (e instanceof EngineEvent.BrokeGlass b) {
      broke.add(b.address().value());
    }
    line(node(e));
  }

  private static ObjectNode node(EngineEvent e) {
    if (e instanceof EngineEvent.InAccount a) {
      return node(a.event()).put("account_id", a.account());
    }
    ObjectNode n = MAPPER.createObjectNode();
    if (e instanceof EngineEvent.ChangeStarted s) {
      n.put("type", "change_started").put("address", s.address().value()).put("action", s.action());
    } else if (e instanceof EngineEvent.ChangeFinished f) {
      n.put("type", "change_finished").put("address", f.address().value()).put("action", f.action());
      n.put("outcome", f.outcome()).put("elapsed_ms", f.elapsed().toMillis());
      n.put("message", f.message());
    } else if (e instanceof EngineEvent.ChangeSkipped k) {
      n.put("type", "change_skipped").put("address", k.address().value()).put("action", k.action());
      n.put("upstream", k.upstream().value());
    } else if (e instanceof EngineEvent.Waiting w) {
      n.put("type", "waiting").put("what", w.what()).put("why", w.why());
      n.put("so_far_ms", w.soFar().toMillis());
    } else if (e instanceof EngineEvent.Started s) {
      n.put("type", "message").put("message", s.what());
    } else if (e instanceof EngineEvent.Finished f) {
      n.put("type", "message").put("message", f.what()).put("elapsed_ms", f.elapsed().toMillis());
    } else if (e instanceof EngineEvent.Reported r) {
      n.put("type", "message").put("message", r.diagnostic().message());
    } else if (e instanceof EngineEvent.BrokeGlass b) {
      n.put("type", "break_glass").put("address", b.address().value()).put("rule", b.rule());
      n.put("message", b.message()).put("reason", b.reason());
    } else if (e instanceof EngineEvent.Stopping s) {
      n.put("type", "stopping").put("reason", s.reason());
    }
    return n;
  }

  /**
   * The plan's counts, before any change, and its digest ({@link PlanDigest}: what {@code
   * --approve-broadening} must name for this very plan, computed from the changes apply makes).
   */
  public void plan(Plan plan) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("type", "plan").put("stack", plan.stack()).put("account_id", plan.accountId());
    n.put("target", plan.target()).put("digest", PlanDigest.of(plan));
    ObjectNode counts = n.putObject("changes");
    plan.counts().forEach((a, c) -> counts.put(a.jsonName(), c));
    line(n);
  }

  /** A message line (refusals, stale plans, no changes). */
  public void message(String level, String text) {
    line(MAPPER.createObjectNode().put("type", "message").put("level", level).put("message", text));
  }

  /** The last line: outcome (complete, blocked, failed, stopped), counts and every change. */
  public void summary(ApplyResult r, java.util.Optional<String> stopped) {
    summary(r, stopped, null);
  }

  /**
   * As above; with {@code --break-glass}, {@code break_glass} carries the reason and the changes
   * made although a safety rule blocked them.
   */
  public void summary(ApplyResult r, java.util.Optional<String> stopped, String breakGlass) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("type", "summary");
    if (breakGlass != null) {
      ObjectNode bg = n.putObject("break_glass");
      bg.put("reason", breakGlass);
      var overridden = bg.putArray("overridden");
      broke.forEach(overridden::add);
    }
    n.put("outcome", stopped.isPresent() ? "stopped" : r.succeeded() ? "complete"
        : r.with(ChangeOutcome.Status.FAILED).isEmpty() ? "blocked" : "failed");
    stopped.ifPresent(why -> n.put("stop_reason", why));
    n.put("elapsed_ms", r.elapsed().toMillis());
    ObjectNode done = n.putObject("done");
    r.doneCounts().forEach((a, c) -> {
      if (a != Action.NO_OP) {
        done.put(a.jsonName(), c);
      }
    });
    var outcomes = n.putArray("outcomes");
    for (ChangeOutcome o : r.outcomes()) {
      ObjectNode on = outcomes.addObject();
      on.put("address", o.address().value()).put("action", o.action().jsonName());
      on.put("status", o.status().jsonName()).put("elapsed_ms", o.elapsed().toMillis());
      on.put("message", o.message());
    }
    line(n);
  }

  private void line(ObjectNode n) {
    try {
      out.println(MAPPER.writeValueAsString(n));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
    out.flush();
  }
}
