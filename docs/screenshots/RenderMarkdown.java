import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders a Markdown file to an HTML page the way a pull-request comment shows it: CommonMark with
 * GFM tables (commonmark-java, the library the tests parse with), raw HTML kept (<details>), and a
 * small style sheet close to GitHub's. Used by take.sh; not part of the build.
 */
public class RenderMarkdown {
  public static void main(String[] args) throws Exception {
    var extensions = List.of(TablesExtension.create());
    Parser parser = Parser.builder().extensions(extensions).build();
    HtmlRenderer html = HtmlRenderer.builder().extensions(extensions).build();
    String body = html.render(parser.parse(Files.readString(Path.of(args[0]))));
    String css = Files.readString(Path.of(args[1]));
    Files.writeString(Path.of(args[2]),
        "<!doctype html><html><head><meta charset=utf-8><style>" + css + "</style></head>"
            + "<body><div class=comment><div class=header><b>rolectl-bot</b> commented</div>"
            + "<div class=markdown-body>" + body + "</div></div></body></html>");
  }
}
