/** Reading stack files: YAML with locations, JSON Schema validation, references and variables. Knows nothing of the AWS SDK or JGraphT. */
package dev.rolectl.engine.config;
