/** Immutable records shared by every stage: addresses, locations, diagnostics, the sealed Resource family, policy documents, the Stack. */
package dev.rolectl.engine.model;
