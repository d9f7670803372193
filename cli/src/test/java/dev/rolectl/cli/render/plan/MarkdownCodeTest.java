package dev.rolectl.cli.render.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Code spans and fences show policy values exactly as written, backticks included. */
class MarkdownCodeTest {
  private static final Parser PARSER =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();

  @ParameterizedTest
  @ValueSource(strings = {"s3:GetObject", "```", "`", "a`b", "a``b```c", "`x`", "ends with `"})
  void aSpanParsesBackToItsText(String text) {
    Node paragraph = PARSER.parse(MarkdownCode.span(text)).getFirstChild();
    assertInstanceOf(Paragraph.class, paragraph);
    Code code = assertInstanceOf(Code.class, paragraph.getFirstChild());
    assertEquals(text, code.getLiteral());
  }

  @ParameterizedTest
  @ValueSource(strings = {"+ Allow s3:GetObject\n", "- value ```\n", "~ ````` and ``\n"})
  void aFenceParsesBackToItsBody(String body) {
    FencedCodeBlock block =
        assertInstanceOf(FencedCodeBlock.class, PARSER.parse(MarkdownCode.fence("diff", body)).getFirstChild());
    assertEquals("diff", block.getInfo());
    assertEquals(body, block.getLiteral());
  }
}
