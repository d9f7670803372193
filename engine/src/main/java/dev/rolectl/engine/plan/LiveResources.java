package dev.rolectl.engine.plan;

import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Live IAM as model resources, for {@code import}. */
public final class LiveResources {
  private LiveResources() {}

  /** A live role with its attachments and inline policies, as the stack would declare them. */
  public static List<Resource> role(LiveRole role) {
    Map<dev.rolectl.engine.model.Address, Resource> out = new TreeMap<>();
    CurrentState.addRole(role, Map.of(), out);
    return new ArrayList<>(out.values());
  }
}
