/**
 * Reading stack files: YAML with locations, JSON Schema validation, references and variables.
 * Knows nothing of the AWS SDK or JGraphT. The entry point is {@link
 * dev.rolectl.engine.config.StackLoader#load}; {@link dev.rolectl.engine.config.StackWriter}
 * writes stack files for {@code rolectl import}. The file format is defined by
 * {@code schemas/stack.schema.json}.
 */
package dev.rolectl.engine.config;
