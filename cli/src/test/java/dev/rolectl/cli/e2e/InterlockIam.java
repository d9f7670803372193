package dev.rolectl.cli.e2e;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/** The guide's role in moto as the SDK sees it: for "nothing changed" and "it changed" checks. */
record InterlockIam(String trust, List<String> attached, Map<String, String> tags) {

  /** Empty when the role does not exist. */
  static Optional<InterlockIam> read(Moto moto) {
    try (IamClient iam = moto.iam()) {
      String trust =
          URLDecoder.decode(
              iam.getRole(r -> r.roleName(EcsSeed.ROLE)).role().assumeRolePolicyDocument(),
              StandardCharsets.UTF_8);
      List<String> attached =
          iam.listAttachedRolePolicies(r -> r.roleName(EcsSeed.ROLE)).attachedPolicies().stream()
              .map(AttachedPolicy::policyArn)
              .sorted()
              .toList();
      Map<String, String> tags =
          iam.listRoleTags(r -> r.roleName(EcsSeed.ROLE)).tags().stream()
              .collect(Collectors.toMap(Tag::key, Tag::value));
      return Optional.of(new InterlockIam(trust, attached, tags));
    } catch (NoSuchEntityException e) {
      return Optional.empty();
    }
  }
}
