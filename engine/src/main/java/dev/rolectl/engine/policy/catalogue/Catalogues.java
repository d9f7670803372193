package dev.rolectl.engine.policy.catalogue;

import java.util.List;

/** The offline catalogues rolectl checks policies against, and where they come from. */
public final class Catalogues {
  static final String SERVICES = "iam-services.bin";
  static final String MANAGED_POLICIES = "aws-managed-policies.txt.gz";
  static final String API = "iam-api.txt.gz";

  private Catalogues() {}

  /**
   * Source, version and date of each catalogue: the IAM service reference, the AWS managed
   * policies, then IAM's API model (loads the catalogues if they are not loaded yet: about 20 ms).
   */
  public static List<CatalogueInfo> info() {
    return List.of(IamCatalogue.get().info(), ManagedPolicyCatalogue.get().info(),
        IamApiModel.get().info());
  }
}
