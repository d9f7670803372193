// apply.yml's search for the reviewed plan: the pull request this push merged, and its last run
// of plan.yml, which must have succeeded; a push that no pull request made, a failed last plan or
// none at all fails the job and says to plan again.
import test from 'node:test';
import assert from 'node:assert/strict';
import { run, workdir, context } from './harness.mjs';
import { FakeGitHub } from './fake-github.mjs';

const ID = 'apply.yml/reviewed-plan/Find the pull request and its last plan run';
const MERGE = 'm'.repeat(40);
const PR = { number: 12, merged_at: '2026-12-01T10:00:00Z', merge_commit_sha: MERGE,
  head: { ref: 'add-admin', sha: 'c2'.padEnd(40, '0') }, base: { ref: 'main' } };
const REPO = { full_name: 'example-org/iam-roles' };
const run_ = (id, n, sha, conclusion, extra = {}) => ({ id, run_number: n, run_attempt: 1, workflow: 'plan.yml',
  event: 'pull_request', head_branch: 'add-admin', head_sha: sha, head_repository: REPO,
  status: 'completed', conclusion, ...extra });
const C1 = 'c1'.padEnd(40, '0');
const C2 = 'c2'.padEnd(40, '0');

function github(runs, prs = [PR]) {
  return new FakeGitHub({ prsForCommit: { [MERGE]: prs }, prCommits: { 12: [C1, C2] }, runs });
}

test('the last plan run of the merged pull request is the one applied', async () => {
  const core = await run(ID, { github: github([run_(501, 5, C1, 'success'), run_(502, 6, C2, 'success')]),
    context: context({ sha: MERGE }), cwd: workdir() });
  assert.equal(core.failed, null);
  assert.deepEqual(core.outputs, { 'run-id': '502', 'pull-request': '12' });
});

test('a push no pull request merged is refused', async () => {
  for (const prs of [[], [{ ...PR, merged_at: null }], [{ ...PR, merge_commit_sha: 'x'.repeat(40) }]]) {
    const core = await run(ID, { github: github([run_(501, 5, C1, 'success')], prs),
      context: context({ sha: MERGE }), cwd: workdir() });
    assert.match(core.failed, /did not come from a merged pull request/);
    assert.deepEqual(core.outputs, {});
  }
});

test('a failed, cancelled or unfinished last plan is refused even when an older one succeeded', async () => {
  for (const last of [run_(502, 6, C2, 'failure'), run_(502, 6, C2, 'cancelled'),
    run_(502, 6, C2, null, { status: 'in_progress' })]) {
    const core = await run(ID, { github: github([run_(501, 5, C1, 'success'), last]),
      context: context({ sha: MERGE }), cwd: workdir() });
    assert.match(core.failed, /did not succeed.*Plan again/s);
    assert.deepEqual(core.outputs, {});
  }
});

test("runs of other commits, of forks and of other workflows are not the pull request's", async () => {
  const runs = [run_(501, 5, C1, 'success'),
    run_(600, 9, 'f'.repeat(40), 'success'),
    run_(601, 10, C2, 'success', { head_repository: { full_name: 'mallory/iam-roles' } }),
    run_(602, 11, C2, 'success', { workflow: 'other.yml' })];
  const core = await run(ID, { github: github(runs), context: context({ sha: MERGE }), cwd: workdir() });
  assert.equal(core.failed, null);
  assert.equal(core.outputs['run-id'], '501');
});

test('a pull request that was never planned is refused', async () => {
  const core = await run(ID, { github: github([]), context: context({ sha: MERGE }), cwd: workdir() });
  assert.match(core.failed, /has no run of plan.yml/);
});
