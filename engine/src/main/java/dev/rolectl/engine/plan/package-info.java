/** The differ: Plan, ResourceChange and Action records, ownership rules, saved plan files and fingerprints. Knows nothing of how plans are printed. */
package dev.rolectl.engine.plan;
