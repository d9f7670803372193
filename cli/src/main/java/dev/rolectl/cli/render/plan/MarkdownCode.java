package dev.rolectl.cli.render.plan;

/**
 * Code in CommonMark without changing the text: a code span or fence is delimited by a run of
 * backticks longer than any run inside it (CommonMark 0.31, "Code spans" and "Fenced code
 * blocks"), so policy values holding backticks show as written.
 *
 * <p>Text that comes from a stack, an account, a live read or a plan file goes into a comment only
 * as code ({@link #inline}, {@link #html}) or inside a fence: GitHub turns neither links, images,
 * bare URLs, {@code @mentions} nor issue references into anything there, and no Markdown or HTML
 * inside them is markup.
 */
final class MarkdownCode {
  /** Characters a name, path or label shows at most in a comment (the rest is cut, with "..."). */
  static final int MAX_NAME = 300;

  private MarkdownCode() {}

  /** An inline code span of {@code text}, padded with a space where it starts or ends with `. */
  static String span(String text) {
    String fence = "`".repeat(longestRun(text) + 1);
    boolean pad = text.startsWith("`") || text.endsWith("`");
    return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
  }

  /**
   * User text as an inline code span on one line, at most {@code max} characters of it (cut with
   * "..."): inert, whatever it holds.
   */
  static String inline(String text, int max) {
    return span(clip(oneLine(text), max));
  }

  /** A name, path or label as an inline code span ({@link #MAX_NAME} characters at most). */
  static String inline(String text) {
    return inline(text, MAX_NAME);
  }

  /** User text inside HTML (a {@code <summary>}): HTML-escaped in {@code <code>}, on one line. */
  static String html(String text) {
    return "<code>" + escapeHtml(clip(oneLine(text), MAX_NAME)) + "</code>";
  }

  /** A fenced block of {@code body} (ending with a newline) with the given info string. */
  static String fence(String info, String body) {
    String fence = "`".repeat(Math.max(3, longestRun(body) + 1));
    return fence + info + "\n" + body + (body.endsWith("\n") ? "" : "\n") + fence + "\n";
  }

  static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String oneLine(String s) {
    return s.replaceAll("[\\r\\n]+", " ");
  }

  /** {@code s}, or its first {@code max} characters and "..." (never a lone surrogate). */
  static String clip(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end) + "...";
  }

  private static int longestRun(String s) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
