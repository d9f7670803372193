/** IAM policy documents: parsing, normalisation, semantic equality, statement diffs, broadening analysis and lint rules. No AWS SDK. */
package dev.rolectl.engine.policy;
