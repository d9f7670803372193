/** The executor: runs a Plan in dependency order with bounded parallelism, retries and safety re-checks. */
package dev.rolectl.engine.apply;
