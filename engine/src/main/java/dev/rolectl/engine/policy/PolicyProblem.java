package dev.rolectl.engine.policy;

/**
 * A problem in a policy document, located by a JSON pointer relative to the document root
 * ({@code /Statement/0/Principal}); callers map it to a file location.
 */
public record PolicyProblem(String pointer, String message) {}
