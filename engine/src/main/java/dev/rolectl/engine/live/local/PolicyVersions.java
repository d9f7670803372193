package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** The versions of a managed policy in a file: ids oldest first, and the default document. */
record PolicyVersions(PolicyDocument defaultDocument, String defaultVersionId, List<String> versionIds) {

  PolicyVersions {
    versionIds = List.copyOf(versionIds);
  }

  /**
   * Reads {@code PolicyVersionList}. The default version is the one marked {@code
   * IsDefaultVersion}, else the one named by {@code DefaultVersionId}; only it needs a document.
   */
  static PolicyVersions of(
      Node versionList,
      String defaultVersionId,
      String what,
      BiFunction<Node, String, PolicyDocument> documents) {
    List<Node> versions = versionList.elements();
    List<String> ids = new ArrayList<>();
    Node chosen = null;
    String chosenId = null;
    for (Node v : versions) {
      String id = v.field("VersionId").requiredText();
      if (id == null) {
        continue;
      }
      ids.add(id);
      boolean isDefault = v.field("IsDefaultVersion").bool(false);
      if (isDefault || (chosen == null && id.equals(defaultVersionId))) {
        chosen = v;
        chosenId = id;
      }
    }
    if (chosen == null) {
      String hint = versions.isEmpty() ? "its PolicyVersionList is missing or empty" : "no version is the default";
      versionList.problem(
          "the " + what + " has no default version (" + hint + "): add a PolicyVersionList entry"
              + " with \"IsDefaultVersion\": true and its \"Document\"");
      return null;
    }
    PolicyDocument doc = documents.apply(chosen.field("Document"), "default version of the " + what);
    if (doc == null) {
      return null;
    }
    ids.sort(LiveManagedPolicy.VERSION_ORDER);
    return new PolicyVersions(doc, chosenId, ids);
  }
}
