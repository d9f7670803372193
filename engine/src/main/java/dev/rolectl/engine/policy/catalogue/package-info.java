/**
 * Offline catalogues of AWS facts: the IAM service reference (services, actions, resource types,
 * condition keys) and the AWS managed policies (names and paths). Both are compact resources that
 * {@code scripts/refresh-catalogues.sh} writes from published packages; each records its source,
 * version and date ({@link dev.rolectl.engine.policy.catalogue.Catalogues#info()}).
 */
package dev.rolectl.engine.policy.catalogue;
