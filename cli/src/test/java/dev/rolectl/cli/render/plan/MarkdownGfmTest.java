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
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
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
 * Markdown plans parsed as GitHub parses a comment (CommonMark with the GFM extensions: tables,
 * strikethrough and autolinks; commonmark-java): the marker comes first, the security table is a
 * table with three cells a row, every {@code <details>} is closed, every code fence closes, a plan
 * cut at GitHub's limit still parses the same way, and nothing in it is a link, an image, an HTML
 * tag other than the few rolectl writes, a {@code @mention} or an issue reference ({@link
 * #checkInert}): user text is code.
 */
public class MarkdownGfmTest {
  static final Parser PARSER =
      Parser.builder()
          .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create(),
              AutolinkExtension.create()))
          .build();

  /** The HTML tags rolectl writes; anything else in HTML is user text that escaped. */
  private static final Pattern OUR_TAGS =
      Pattern.compile("</?(details|summary|code|b)( open)?>|<!-- rolectl:plan [^\\n]*?-->");

  /** What GitHub would turn into a mention or an issue link in text (outside code). */
  private static final Pattern LIVE_TEXT =
      Pattern.compile("(^|[^A-Za-z0-9_`])@[A-Za-z0-9]|(^|\\s)#[0-9]|https?://|www\\.");
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
    assertTrue(md.length() > 60_000 && md.length() <= MarkdownPlanRenderer.COMMENT_BUDGET,
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
    assertTrue(Pattern.compile("_1[89]\\d more warnings").matcher(md).find(), "counted:\n" + md);
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

  /** Tables with 3 cells a row, balanced {@code <details>}, closed fences, marker first, inert. */
  public static void checkWellFormed(String md) {
    Node doc = PARSER.parse(md);
    checkInert(doc);
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
    if (md.contains("| Resource | Change | What |") && !md.contains("| Account | Status |")) {
      assertEquals(1, tables.size(), "the security impact is one GFM table");
    }
    for (Node table : tables) {
      List<Node> rows = descendants(table, TableRow.class);
      int header = descendants(rows.get(0), TableCell.class).size();
      for (Node row : rows) {
        assertEquals(header, descendants(row, TableCell.class).size(), "cells in a row");
      }
    }
    for (FencedCodeBlock f : fences) {
      assertNotNull(f.getClosingFenceLength(), "an unclosed code fence: " + f.getLiteral());
      assertTrue(!Pattern.compile("(^|\n)</details>").matcher(f.getLiteral()).find(),
          "a <details> swallowed by a fence");
    }
    int open = count(html.toString(), "<details>") + count(html.toString(), "<details open>");
    int close = count(html.toString(), "</details>");
    assertTrue(open == close, open + " <details> opened, " + close + " closed");
    assertEquals(count(md, "<details>") + count(md, "<details open>"), open,
        "every <details> is HTML, none is inside code");
  }

  /**
   * Nothing GitHub would make live: no link or image node (the autolink extension makes bare URLs
   * links, as GitHub does), no HTML tag but rolectl's own, and no {@code @mention}, issue
   * reference or URL in text outside code (GitHub leaves code alone), in Markdown text and in the
   * text of HTML blocks alike.
   */
  static void checkInert(Node doc) {
    List<String> live = new ArrayList<>();
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            live.add("a link to " + link.getDestination());
          }

          @Override
          public void visit(Image image) {
            live.add("an image of " + image.getDestination());
          }

          @Override
          public void visit(Text text) {
            if (LIVE_TEXT.matcher(text.getLiteral()).find()) {
              live.add("live text: " + text.getLiteral());
            }
          }

          @Override
          public void visit(HtmlBlock block) {
            html(block.getLiteral());
          }

          @Override
          public void visit(HtmlInline inline) {
            html(inline.getLiteral());
          }

          private void html(String literal) {
            String outsideCode = literal.replaceAll("(?s)<code>.*?</code>", "");
            Matcher tag = Pattern.compile("<[^>]*>?").matcher(outsideCode);
            while (tag.find()) {
              if (!OUR_TAGS.matcher(tag.group()).matches()) {
                live.add("an HTML tag rolectl does not write: " + tag.group());
              }
            }
            String text = outsideCode.replaceAll("<!--.*?-->|<[^>]*>", " ").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
            if (LIVE_TEXT.matcher(text).find()) {
              live.add("live text in HTML: " + text);
            }
          }
        });
    assertEquals(List.of(), live, "user text must be code: never a link, image, tag or mention");
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
