package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.RepoFiles;
import dev.rolectl.cli.e2e.ecsapi.EcsModel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every field of the ECS API that takes a role (or an instance profile, which holds one) is in
 * docs/safety.md's table "Every ECS field that names a role", with the verdict rolectl gives it:
 * the fields are enumerated from the ECS model the moto virtualenv's botocore publishes ({@code
 * ecs/2014-11-13/service-2.json}: every string member of a structure whose name contains "role"
 * or "instanceProfile"), so that a field AWS adds fails this test until the table, and rolectl,
 * say what becomes of it. A row for a field the model no longer has fails it too.
 */
@Tag("e2e")
class EcsRoleFieldsE2E {
  static final Pattern ROLE_FIELD = Pattern.compile("(?i)role|instanceprofile");
  static final String SECTION = "## Every ECS field that names a role";

  @Test
  void theSafetyDocListsEveryRoleFieldOfTheEcsModel() throws Exception {
    MotoInstall.ensureInstalled();
    List<String> model = EcsModel.load(MotoInstall.venv()).stringMembers(ROLE_FIELD);
    assertTrue(model.size() >= 30, "the model has role fields: " + model);
    String doc = Files.readString(RepoFiles.root().resolve("docs/safety.md"));
    int at = doc.indexOf(SECTION);
    assertTrue(at >= 0, "docs/safety.md has the section " + SECTION);
    int end = doc.indexOf("\n## ", at + SECTION.length());
    String table = doc.substring(at, end < 0 ? doc.length() : end);
    TreeSet<String> listed = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z0-9]+\\.[A-Za-z0-9]+)` \\|").matcher(table);
    while (m.find()) {
      listed.add(m.group(1));
    }
    List<String> missing = new ArrayList<>(model);
    missing.removeAll(listed);
    assertEquals(List.of(), missing, "role fields of the ECS model that docs/safety.md's table"
        + " lacks: add a row with the verdict each gets");
    List<String> gone = new ArrayList<>(listed);
    gone.removeAll(model);
    assertEquals(List.of(), gone, "rows of docs/safety.md's table that the ECS model lacks");
  }
}
