// Runs the github-script bodies of examples/github/*.yml the way actions/github-script@v7 does:
// as the body of an async function of (github, context, core, glob, io, exec, require), with the
// step's env: in process.env and the job's working directory as the current directory. The bodies
// come from the JSON file GithubWorkflowsE2E writes from the workflows themselves
// (ROLECTL_GITHUB_SCRIPTS), so a test never runs a copy.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const file = process.env.ROLECTL_GITHUB_SCRIPTS;
if (!file) {
  throw new Error('ROLECTL_GITHUB_SCRIPTS is not set: run these tests through GithubWorkflowsE2E');
}
export const scripts = JSON.parse(readFileSync(file, 'utf8'));

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;

/** A stand-in for @actions/core that records what the script said. */
function fakeCore() {
  return {
    failed: null,
    outputs: {},
    log: [],
    setFailed(message) { this.failed = String(message); },
    setOutput(name, value) { this.outputs[name] = String(value); },
    info(m) { this.log.push(String(m)); },
    notice(m) { this.log.push(String(m)); },
    warning(m) { this.log.push(String(m)); },
    error(m) { this.log.push(String(m)); },
    debug() {},
  };
}

/**
 * Runs the script `id` (workflow/job/step name) with the fake `github`, in directory `cwd`.
 * The step's env: values are set, except expressions (${{ }}), which `env` must give. Returns the
 * fake core: failed (the setFailed message or null), outputs and log.
 */
export async function run(id, { github, context, cwd, env = {} }) {
  const step = scripts[id];
  if (!step) {
    throw new Error(`no github-script step ${id} in the workflows; they have: ${Object.keys(scripts).join(', ')}`);
  }
  const core = fakeCore();
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  for (const [k, v] of Object.entries(step.env)) {
    if (!v.includes('${{')) process.env[k] = v;
  }
  Object.assign(process.env, env);
  process.chdir(cwd);
  try {
    await new AsyncFunction('github', 'context', 'core', 'glob', 'io', 'exec', 'require', step.script)(
      github, context, core, {}, {}, {}, require);
  } finally {
    process.chdir(savedCwd);
    for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
    Object.assign(process.env, savedEnv);
  }
  return core;
}

/** A fresh directory holding `files` (relative path -> content). */
export function workdir(files = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rolectl-script-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** The context of a run in example-org/iam-roles. */
export function context(extra = {}) {
  return {
    repo: { owner: 'example-org', repo: 'iam-roles' },
    issue: { number: 7 },
    sha: 'a'.repeat(40),
    ref: 'refs/heads/main',
    serverUrl: 'https://github.example',
    runId: 4242,
    ...extra,
  };
}

export const BOT = { login: 'github-actions[bot]', type: 'Bot' };
export const MALLORY = { login: 'mallory', type: 'User' };
export const OTHER_BOT = { login: 'dependabot[bot]', type: 'Bot' };
