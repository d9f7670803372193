/**
 * Effective access before and after a plan: who can assume each touched role, who can pass it and
 * to which services, what each touched principal can do (identity policies intersected with its
 * permissions boundary), and whether the plan grants new access (yes / no / may). Computed offline
 * from the live read and the plan's changes, by an evaluator of IAM's policy evaluation logic for
 * requests within one account (IAM User Guide, "Policy evaluation logic"). Service and resource
 * control policies, session policies and resource policies outside IAM are out of scope. Depends
 * on {@code model}, {@code policy} and {@code live} only.
 */
package dev.rolectl.engine.access;
