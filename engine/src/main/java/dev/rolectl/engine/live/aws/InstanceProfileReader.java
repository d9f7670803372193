package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.LiveInstanceProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Every instance profile of the account: {@code ListInstanceProfiles} (1000 a page; it also
 * lists the profiles that hold no role, which {@code GetAccountAuthorizationDetails} cannot show),
 * with the tags that {@code GetAccountAuthorizationDetails} gave for the profiles of each role
 * when its answer carries them, else {@code GetInstanceProfile} for that profile (IAM's listing
 * operations leave tags out; {@code GetInstanceProfile} gives them all, where {@code
 * ListInstanceProfileTags} pages and moto 5.2 lacks it), {@value #PARALLELISM} at a time. A profile deleted between
 * the calls is left out.
 */
final class InstanceProfileReader {
  static final int PARALLELISM = 8;

  private InstanceProfileReader() {}

  static Map<String, LiveInstanceProfile> read(IamClient iam, List<RoleDetail> roles) {
    Map<String, Map<String, String>> given = new HashMap<>();
    for (RoleDetail d : roles) {
      for (InstanceProfile p : d.instanceProfileList()) {
        if (p.hasTags()) {
          given.put(p.instanceProfileName(), tags(p.tags()));
        }
      }
    }
    List<InstanceProfile> listed = new ArrayList<>();
    iam.listInstanceProfilesPaginator(r -> r.maxItems(AccountReader.PAGE)).instanceProfiles()
        .forEach(listed::add);
    Map<String, Map<String, String>> read = readTags(iam, listed.stream()
        .map(InstanceProfile::instanceProfileName).filter(n -> !given.containsKey(n)).toList());
    Map<String, LiveInstanceProfile> out = new LinkedHashMap<>();
    for (InstanceProfile p : listed) {
      String name = p.instanceProfileName();
      Map<String, String> tags = given.containsKey(name) ? given.get(name) : read.get(name);
      if (tags != null) {
        out.put(name, new LiveInstanceProfile(name, p.path(), p.arn(),
            p.roles().stream().map(Role::roleName).toList(), tags));
      }
    }
    return out;
  }

  /** Profile name to tags; a profile gone meanwhile is absent. */
  private static Map<String, Map<String, String>> readTags(IamClient iam, List<String> names) {
    Map<String, Map<String, String>> out = new HashMap<>();
    if (names.isEmpty()) {
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLELISM, names.size()), r -> {
      Thread t = new Thread(r, "rolectl-profile-tags");
      t.setDaemon(true);
      return t;
    });
    try {
      Map<String, Future<Map<String, String>>> futures = new HashMap<>();
      names.forEach(n -> futures.put(n, pool.submit(() -> tagsOf(iam, n))));
      for (Map.Entry<String, Future<Map<String, String>>> e : futures.entrySet()) {
        Map<String, String> tags = e.getValue().get();
        if (tags != null) {
          out.put(e.getKey(), tags);
        }
      }
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SdkException sdk) {
        throw sdk;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading instance profile tags", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<String, String> tagsOf(IamClient iam, String name) {
    try {
      return tags(iam.getInstanceProfile(r -> r.instanceProfileName(name)).instanceProfile().tags());
    } catch (NoSuchEntityException e) {
      return null; // deleted since it was listed
    }
  }

  private static Map<String, String> tags(Iterable<Tag> tags) {
    Map<String, String> out = new TreeMap<>();
    tags.forEach(t -> out.put(t.key(), t.value()));
    return out;
  }
}
