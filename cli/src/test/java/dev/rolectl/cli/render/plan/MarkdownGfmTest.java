package dev.rolectl.cli.render.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Markdown plans parsed as GitHub parses a comment (CommonMark with GFM tables, commonmark-java):
 * the marker comes first, the security table is a table with three cells a row, every {@code
 * <details>} is closed, every code fence closes, and a plan cut at GitHub's limit still parses
 * the same way.
 */
class MarkdownGfmTest {
  private static final Parser PARSER =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();
  private static final Pattern MARKER =
      Pattern.compile("<!-- rolectl:plan stack=(\\S+) target=(\\S+) -->");

  static Stream<Path> goldenMarkdown() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/golden"))) {
      return s.map(d -> d.resolve("expected.md")).filter(Files::exists).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("goldenMarkdown")
  void goldenPlansAreWellFormedGfm(Path file) throws IOException {
    String md = Files.readString(file);
    checkWellFormed(md);
    Matcher m = MARKER.matcher(md.lines().findFirst().orElseThrow());
    assertTrue(m.matches(), "first line is the marker: " + md.lines().findFirst());
    assertEquals("golden", m.group(1));
    assertTrue(m.group(2).startsWith("snapshot:") && m.group(2).endsWith("/account.json"), m.group(2));
  }

  @Test
  void aPlanCutAtGitHubsLimitStillParses() {
    String md = new MarkdownPlanRenderer().render(MarkdownPlanRendererTest.planCreating(1500));
    assertTrue(md.length() > 60_000 && md.length() <= MarkdownPlanRenderer.GITHUB_COMMENT_LIMIT,
        "length " + md.length());
    checkWellFormed(md);
    assertTrue(md.contains("**Truncated:**"));
  }

  @Test
  void aPlanWithHundredsOfBlockedChangesAndWarningsStaysWithinTheLimit() {
    Plan big = MarkdownPlanRendererTest.planCreating(300);
    String reason = "Deleting role X would break a deployment in progress: " + "details ".repeat(180);
    List<ResourceChange> blocked = big.changes().stream()
        .map(c -> c.withVerdicts(List.of(Verdict.block("ecs-role-delete", reason),
            Verdict.warn("role-recently-used", reason))))
        .toList();
    List<Diagnostic> warnings = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      warnings.add(new Diagnostic(Severity.WARNING, "missing-principal", new Location("stack.yaml", i, 3),
          null, "apply will fail on this change: " + "x".repeat(200)));
    }
    String md = new MarkdownPlanRenderer().render(big.withChanges(blocked).withContext(null, warnings));
    assertTrue(md.length() <= MarkdownPlanRenderer.GITHUB_COMMENT_LIMIT, "length " + md.length());
    checkWellFormed(md);
    assertTrue(md.contains("_585 more blocked changes: see the whole plan"), md.substring(0, 3000));
    assertTrue(md.contains("_180 more warnings"), "counted");
  }

  @Test
  void theBlockedPlanShowsEachBlockedChangeOnceWithItsReasonFolded() throws IOException {
    String md = Files.readString(Path.of("src/test/resources/golden/blocked/expected.md"));
    // the reason (a long paragraph) appears once, inside the Blocked section's <details>
    String reason = "would break a deployment in progress";
    assertEquals(2, count(md, reason), md);
    int blocked = md.indexOf("#### Blocked");
    int changes = md.indexOf("#### Changes");
    assertTrue(blocked >= 0 && changes > blocked);
    assertEquals(2, count(md.substring(blocked, changes), reason));
    assertTrue(md.contains("<summary>\u26d4 <b>Blocked:</b> role <code>ecsInfrastructureRoleForLoadBalancers</code> will be deleted"), md);
    // short names: no full ARN in a summary or a table row
    for (String line : md.split("\n")) {
      if (line.startsWith("<details><summary>") || line.startsWith("| ")) {
        assertTrue(!line.contains("arn:aws:iam::aws:policy/"), "full ARN in " + line);
      }
    }
    // every change is labelled with its impact
    Matcher summaries = Pattern.compile("<summary><code>[-+~!/]+</code> .*</summary>").matcher(md);
    int n = 0;
    while (summaries.find()) {
      n++;
      assertTrue(summaries.group().matches(".*\\((narrows|broadens|broadens and narrows) access.*\\)</summary>|.*\\(no change to access.*"),
          summaries.group());
    }
    assertEquals(2, n);
    assertTrue(md.contains("snapshot taken 2026-11-29T03:00:00Z"), md);
  }

  /** Tables with 3 cells a row, balanced {@code <details>}, closed fences, marker first. */
  static void checkWellFormed(String md) {
    Node doc = PARSER.parse(md);
    List<Node> tables = new ArrayList<>();
    List<FencedCodeBlock> fences = new ArrayList<>();
    StringBuilder html = new StringBuilder();
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(CustomBlock block) {
            if (block instanceof TableBlock) {
              tables.add(block);
            }
            visitChildren(block);
          }

          @Override
          public void visit(FencedCodeBlock block) {
            fences.add(block);
          }

          @Override
          public void visit(HtmlBlock block) {
            html.append(block.getLiteral()).append('\n');
          }

          @Override
          public void visit(HtmlInline inline) {
            html.append(inline.getLiteral());
          }
        });
    assertTrue(doc.getFirstChild() instanceof HtmlBlock, "the marker is the first block");
    if (md.contains("| Resource | Change | What |")) {
      assertEquals(1, tables.size(), "the security impact is one GFM table");
      for (Node row : descendants(tables.get(0), TableRow.class)) {
        assertEquals(3, descendants(row, TableCell.class).size(), "cells in a row");
      }
    }
    for (FencedCodeBlock f : fences) {
      assertNotNull(f.getClosingFenceLength(), "an unclosed code fence: " + f.getLiteral());
      assertTrue(!f.getLiteral().contains("</details>"), "a <details> swallowed by a fence");
    }
    int open = count(html.toString(), "<details>");
    int close = count(html.toString(), "</details>");
    assertTrue(open == close, open + " <details> opened, " + close + " closed");
    assertEquals(count(md, "<details>"), open, "every <details> is HTML, none is inside code");
  }

  private static <T extends Node> List<Node> descendants(Node node, Class<T> type) {
    List<Node> found = new ArrayList<>();
    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
      if (type.isInstance(c)) {
        found.add(c);
      }
      found.addAll(descendants(c, type));
    }
    return found;
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
      n++;
    }
    return n;
  }
}
