// refresh.yml's scripts: the snapshot pull request (one branch, one pull request of this
// workflow's account, updated in place) and the drift issues (one per stack, updated in place,
// reopened when drift comes back, closed when it is gone; never another author's issue).
import test from 'node:test';
import assert from 'node:assert/strict';
import { run, workdir, context, BOT, MALLORY } from './harness.mjs';
import { FakeGitHub } from './fake-github.mjs';

const SNAPSHOT = 'refresh.yml/snapshot-pull-request/Open or update the snapshot pull request';
const DRIFT = 'refresh.yml/drift-issues/Open, update or close one issue per stack';
const MAIN = 'a'.repeat(40);
const ACCOUNT = '{"RoleDetailList": [], "TakenAt": "2026-12-01T05:17:00Z"}\n';

test('the first new snapshot opens a branch, commits it and opens a pull request', async () => {
  const github = new FakeGitHub({ refs: { 'heads/main': MAIN } });
  const core = await run(SNAPSHOT, { github, context: context(), cwd: workdir({ 'snapshot/account.json': ACCOUNT }) });
  assert.equal(core.failed, null);
  assert.deepEqual(github.writes.map(w => w.op),
    ['git.updateRef', 'git.createRef', 'repos.createOrUpdateFileContents', 'pulls.create']);
  assert.equal(github.refs['heads/rolectl/snapshot'], MAIN);
  assert.equal(github.files['rolectl/snapshot:snapshots/account.json'].content, ACCOUNT);
  const pr = github.writes[3].params;
  assert.equal(pr.head, 'rolectl/snapshot');
  assert.equal(pr.base, 'main');
  assert.ok(pr.body.startsWith('<!-- rolectl:snapshot -->\n'), pr.body);
});

test('the next one resets the branch and updates the same pull request', async () => {
  const mine = { number: 31, user: BOT, head: { ref: 'rolectl/snapshot' }, base: { ref: 'main' },
    state: 'open', body: '<!-- rolectl:snapshot -->\nold' };
  const github = new FakeGitHub({ refs: { 'heads/main': MAIN, 'heads/rolectl/snapshot': 'b'.repeat(40) },
    files: { 'rolectl/snapshot:snapshots/account.json': { sha: 'blob-1', content: '{}' } }, pulls: [mine] });
  const core = await run(SNAPSHOT, { github, context: context(), cwd: workdir({ 'snapshot/account.json': ACCOUNT }) });
  assert.equal(core.failed, null);
  assert.deepEqual(github.writes.map(w => w.op), ['git.updateRef', 'repos.createOrUpdateFileContents', 'pulls.update']);
  assert.equal(github.writes[0].params.force, true);
  assert.equal(github.writes[1].params.sha, 'blob-1');
  assert.equal(github.writes[2].params.pull_number, 31);
  assert.ok(mine.body.startsWith('<!-- rolectl:snapshot -->\nThe account changed'), mine.body);
});

test("another author's pull request on the branch is never updated", async () => {
  const theirs = { number: 32, user: MALLORY, head: { ref: 'rolectl/snapshot' }, base: { ref: 'main' },
    state: 'open', body: '<!-- rolectl:snapshot -->\nmerge me' };
  const github = new FakeGitHub({ refs: { 'heads/main': MAIN, 'heads/rolectl/snapshot': 'b'.repeat(40) }, pulls: [theirs] });
  await assert.rejects(run(SNAPSHOT, { github, context: context(), cwd: workdir({ 'snapshot/account.json': ACCOUNT }) }),
    /A pull request already exists/);
  assert.equal(theirs.body, '<!-- rolectl:snapshot -->\nmerge me');
  assert.ok(!github.writes.some(w => w.op === 'pulls.update'));
});

test('a snapshot that is not JSON is never committed', async () => {
  const github = new FakeGitHub({ refs: { 'heads/main': MAIN } });
  await assert.rejects(run(SNAPSHOT, { github, context: context(), cwd: workdir({ 'snapshot/account.json': 'not json' }) }));
  assert.deepEqual(github.writes, []);
});

const plan = (stack, text) => `<!-- rolectl:plan stack=${stack} target=aws -->\n### rolectl plan: \`${stack}\`\n\n${text}\n`;
const drift = (stack, status, text) => ({ [`drift/drift-${stack}/status`]: `${status}\n`,
  [`drift/drift-${stack}/plan.md`]: plan(stack, text) });

test('drift opens one issue per stack, then updates it in place', async () => {
  const github = new FakeGitHub();
  const first = await run(DRIFT, { github, context: context(), cwd: workdir({
    ...drift('a', 'drift', '**Plan: 0 to create, 1 to update**'), ...drift('b', 'none', '**No changes.**') }) });
  assert.equal(first.failed, null);
  assert.deepEqual(github.writes.map(w => w.op), ['issues.create']);
  const issue = github.issues[0];
  assert.ok(issue.body.startsWith('<!-- rolectl:drift stack=a -->\n**Live IAM differs from stack `a`'), issue.body);
  assert.ok(issue.body.includes('**Plan: 0 to create, 1 to update**'));
  assert.ok(!issue.body.includes('<!-- rolectl:plan'), 'one marker, the drift one');
  const second = await run(DRIFT, { github, context: context(), cwd: workdir(drift('a', 'drift', '**Plan: 0 to create, 2 to update**')) });
  assert.equal(second.failed, null);
  assert.deepEqual(github.writes.map(w => w.op), ['issues.create', 'issues.update']);
  assert.equal(github.issues.length, 1);
  assert.ok(issue.body.includes('2 to update'));
});

test('drift gone closes the issue with a comment; drift back reopens the same issue', async () => {
  const issue = { number: 40, user: BOT, title: 't', state: 'open', body: '<!-- rolectl:drift stack=a -->\nold' };
  const github = new FakeGitHub({ issues: [issue] });
  await run(DRIFT, { github, context: context(), cwd: workdir(drift('a', 'none', '**No changes.**')) });
  assert.deepEqual(github.writes.map(w => w.op), ['issues.createComment', 'issues.update']);
  assert.equal(issue.state, 'closed');
  await run(DRIFT, { github, context: context(), cwd: workdir(drift('a', 'none', '**No changes.**')) });
  assert.equal(github.writes.length, 2, 'a closed issue stays closed while there is no drift');
  await run(DRIFT, { github, context: context(), cwd: workdir(drift('a', 'drift', '**Plan: 1 to update**')) });
  assert.equal(issue.state, 'open');
  assert.equal(github.issues.length, 1);
});

test("an issue another author wrote with the marker is never touched", async () => {
  const spoof = { number: 41, user: MALLORY, title: 't', state: 'open', body: '<!-- rolectl:drift stack=a -->\nfake' };
  const github = new FakeGitHub({ issues: [spoof] });
  await run(DRIFT, { github, context: context(), cwd: workdir(drift('a', 'none', '**No changes.**')) });
  assert.deepEqual(github.writes, []);
  await run(DRIFT, { github, context: context(), cwd: workdir(drift('a', 'drift', '**Plan: 1 to update**')) });
  assert.deepEqual(github.writes.map(w => w.op), ['issues.create']);
  assert.equal(spoof.body, '<!-- rolectl:drift stack=a -->\nfake');
  assert.equal(spoof.state, 'open');
});

test('a failed drift check or a report without a marker changes nothing for that stack', async () => {
  const issue = { number: 40, user: BOT, title: 't', state: 'open', body: '<!-- rolectl:drift stack=a -->\nold' };
  const github = new FakeGitHub({ issues: [issue] });
  const core = await run(DRIFT, { github, context: context(), cwd: workdir({
    'drift/drift-a/status': 'error\n', 'drift/drift-a/plan.md': '',
    'drift/drift-b/status': 'drift\n', 'drift/drift-b/plan.md': 'no marker\n' }) });
  assert.deepEqual(github.writes, []);
  assert.match(core.failed, /drift-a: no drift report.*\n.*drift-b: no drift report/);
  assert.equal(issue.state, 'open');
});
