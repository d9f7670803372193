/** The resource dependency graph (JGraphT kept inside): building, cycle errors, orderings, DOT export. */
package dev.rolectl.engine.graph;
