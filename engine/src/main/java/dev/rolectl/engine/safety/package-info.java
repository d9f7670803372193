/** Rules that give each planned change a verdict (allow, warn, block) against ECS deployments. */
package dev.rolectl.engine.safety;
