/**
 * The operations a front end needs, records in and out, progress as {@code EngineEvent}s: check
 * a stack ({@link dev.rolectl.engine.api.StackCheck}), plan it against a target ({@link
 * dev.rolectl.engine.api.Planner}), apply it or a saved plan under the target's locks ({@link
 * dev.rolectl.engine.api.StackApply}, {@link dev.rolectl.engine.api.SavedApply}), snapshot an
 * account ({@link dev.rolectl.engine.api.Snapshots}), import roles ({@link
 * dev.rolectl.engine.api.Imports}); and the same in many accounts ({@link
 * dev.rolectl.engine.api.Accounts}, {@link dev.rolectl.engine.api.MultiPlanner}, {@link
 * dev.rolectl.engine.api.MultiApply}, {@link dev.rolectl.engine.api.Shard}). The CLI reaches the
 * pipeline's stages only through this package (an architecture test says so). Never prints.
 */
package dev.rolectl.engine.api;
