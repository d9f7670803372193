package dev.rolectl.engine.policy.catalogue;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.policy.PolicyParser;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default documents of the AWS managed policies (the copy moto ships; source and date in the
 * resource's header), for access analysis offline. The resource is inflated on first use (about
 * 3 MB of text) and a document parsed only when asked for.
 */
public final class ManagedPolicyDocuments {
  static final String RESOURCE = "aws-managed-policy-documents.txt.gz";
  private static final Pattern ARN =
      Pattern.compile("arn:[a-z-]+:iam::aws:policy(/(?:[^/]+/)*)([^/]+)");

  private final CatalogueFile file;
  /** Lower-case name to where its line starts. */
  private final Map<String, Integer> lines = new HashMap<>();
  private final Map<String, Optional<PolicyDocument>> parsed = new ConcurrentHashMap<>();

  private ManagedPolicyDocuments() {
    file = CatalogueFile.read(RESOURCE);
    for (int at = file.body; at < file.text.length(); ) {
      int end = file.lineEnd(at);
      int tab = file.text.indexOf('\t', at);
      if (tab > at && tab < end) {
        lines.put(file.text.substring(at, tab).toLowerCase(Locale.ROOT), at);
      }
      at = end + 1;
    }
  }

  private static final class Holder {
    static final ManagedPolicyDocuments INSTANCE = new ManagedPolicyDocuments();
  }

  /** The documents, loaded on first call. */
  public static ManagedPolicyDocuments get() {
    return Holder.INSTANCE;
  }

  public CatalogueInfo info() {
    return file.info("AWS managed policy documents");
  }

  /**
   * The default document of the AWS managed policy {@code arn} ({@code
   * arn:PARTITION:iam::aws:policy/PATH/NAME}), when the catalogue has that name under that path.
   */
  public Optional<PolicyDocument> document(String arn) {
    Matcher m = ARN.matcher(arn);
    if (!m.matches()) {
      return Optional.empty();
    }
    return parsed.computeIfAbsent(m.group(1) + m.group(2), k -> load(m.group(1), m.group(2)));
  }

  private Optional<PolicyDocument> load(String path, String name) {
    Integer at = lines.get(name.toLowerCase(Locale.ROOT));
    if (at == null) {
      return Optional.empty();
    }
    String[] f = file.text.substring(at, file.lineEnd(at)).split("\t", 3);
    if (f.length != 3 || !f[0].equals(name) || !f[1].equals(path)) {
      return Optional.empty();
    }
    return PolicyParser.parseJson(f[2]).document();
  }
}
