package dev.rolectl.engine.policy.catalogue;

import java.util.List;

/** The offline catalogues rolectl checks policies against, and where they come from. */
public final class Catalogues {
  static final String SERVICES = "iam-services.txt.gz";
  static final String MANAGED_POLICIES = "aws-managed-policies.txt.gz";

  private Catalogues() {}

  /**
   * Source, version and date of each catalogue: the IAM service reference, then the AWS managed
   * policies. Reads only the files' headers (a few milliseconds).
   */
  public static List<CatalogueInfo> info() {
    return List.of(
        CatalogueFile.info(IamCatalogue.NAME, CatalogueFile.read(SERVICES, null)),
        CatalogueFile.info(ManagedPolicyCatalogue.NAME, CatalogueFile.read(MANAGED_POLICIES, null)));
  }
}
