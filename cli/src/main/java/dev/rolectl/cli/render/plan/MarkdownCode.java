package dev.rolectl.cli.render.plan;

/**
 * Code in CommonMark without changing the text: a code span or fence is delimited by a run of
 * backticks longer than any run inside it (CommonMark 0.31, "Code spans" and "Fenced code
 * blocks"), so policy values holding backticks show as written.
 */
final class MarkdownCode {
  private MarkdownCode() {}

  /** An inline code span of {@code text}, padded with a space where it starts or ends with `. */
  static String span(String text) {
    String fence = "`".repeat(longestRun(text) + 1);
    boolean pad = text.startsWith("`") || text.endsWith("`");
    return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
  }

  /** A fenced block of {@code body} (ending with a newline) with the given info string. */
  static String fence(String info, String body) {
    String fence = "`".repeat(Math.max(3, longestRun(body) + 1));
    return fence + info + "\n" + body + (body.endsWith("\n") ? "" : "\n") + fence + "\n";
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
