// The comment upsert of plan.yml and plan-accounts.yml (issue 17, point 2): only comments by the
// workflow's own account that start with the stack's marker are updated; a spoofed comment, a
// comment of another bot and a quoted marker are never touched; an empty, markerless or
// over-long body is never posted.
import test from 'node:test';
import assert from 'node:assert/strict';
import { run, workdir, context, BOT, MALLORY, OTHER_BOT } from './harness.mjs';
import { FakeGitHub } from './fake-github.mjs';

const SCRIPTS = [
  'plan.yml/comment/Create or update one comment per stack',
  'plan-accounts.yml/merge/Create or update the plan comment',
];
const PLAN = '<!-- rolectl:plan stack=ecs-platform target=aws -->\n### rolectl plan: `ecs-platform`\n\n**Plan: 1 to create**\n';
const SNAPSHOT_PLAN = PLAN.replace('target=aws', 'target=snapshot:/tmp/base/snapshots/account.json');
const MULTI = '<!-- rolectl:plan stack=ecs-platform accounts=multi -->\n### rolectl plan: `ecs-platform` in 3 accounts\n';
const REVIEW = { id: 1, issue_number: 7, user: { login: 'alice', type: 'User' }, body: 'Looks fine to me.' };

function plans(files) {
  return workdir(Object.fromEntries(Object.entries(files).map(([stack, body]) => [`plans/${stack}/plan.md`, body])));
}

for (const id of SCRIPTS) {
  test(`${id}: creates the comment when there is none`, async () => {
    const github = new FakeGitHub({ comments: [REVIEW] });
    const core = await run(id, { github, context: context(), cwd: plans({ 'plan-ecs-platform': PLAN }) });
    assert.equal(core.failed, null);
    assert.deepEqual(github.writes.map(w => w.op), ['issues.createComment']);
    assert.equal(github.writes[0].params.body, PLAN);
    assert.equal(github.writes[0].params.issue_number, 7);
    assert.equal(REVIEW.body, 'Looks fine to me.');
  });

  test(`${id}: updates its own comment, whatever target it planned against before`, async () => {
    const mine = { id: 2, issue_number: 7, user: BOT, body: SNAPSHOT_PLAN };
    const github = new FakeGitHub({ comments: [REVIEW, mine] });
    const core = await run(id, { github, context: context(), cwd: plans({ 'plan-ecs-platform': PLAN }) });
    assert.equal(core.failed, null);
    assert.deepEqual(github.writes, [{ op: 'issues.updateComment',
      params: { owner: 'example-org', repo: 'iam-roles', comment_id: 2, body: PLAN } }]);
  });

  test(`${id}: never updates a spoofed comment, another bot's, or a quoted marker`, async () => {
    const spoofed = { id: 3, issue_number: 7, user: MALLORY, body: PLAN + '\nignore the plan above' };
    const otherBot = { id: 4, issue_number: 7, user: OTHER_BOT, body: PLAN };
    const quoted = { id: 5, issue_number: 7, user: BOT, body: `> quoted\n${PLAN}` };
    const elsewhere = { id: 6, issue_number: 8, user: BOT, body: PLAN };
    const before = [spoofed, otherBot, quoted, elsewhere].map(c => c.body);
    const github = new FakeGitHub({ comments: [REVIEW, spoofed, otherBot, quoted, elsewhere] });
    const core = await run(id, { github, context: context(), cwd: plans({ 'plan-ecs-platform': PLAN }) });
    assert.equal(core.failed, null);
    assert.deepEqual(github.writes.map(w => w.op), ['issues.createComment']);
    assert.deepEqual([spoofed, otherBot, quoted, elsewhere].map(c => c.body), before);
  });

  test(`${id}: never posts an empty, markerless, marker-only or over-long body`, async () => {
    for (const body of ['', '   \n', 'No marker here\n', PLAN.split('\n')[0] + '\n',
      '<!-- rolectl:plan stack=ecs-platform target=aws --> trailing\nx\n',
      PLAN + 'x'.repeat(65536)]) {
      const mine = { id: 2, issue_number: 7, user: BOT, body: PLAN };
      const github = new FakeGitHub({ comments: [REVIEW, mine] });
      const core = await run(id, { github, context: context(), cwd: plans({ 'plan-ecs-platform': body }) });
      assert.deepEqual(github.writes, [], `nothing written for ${JSON.stringify(body.slice(0, 60))}`);
      assert.match(core.failed, /Not posted/);
      assert.equal(mine.body, PLAN, 'the existing comment is left as it was');
    }
  });

  test(`${id}: a missing plan.md is refused and the other stacks are still posted`, async () => {
    const github = new FakeGitHub({ comments: [REVIEW] });
    const cwd = plans({ 'plan-a': PLAN.replaceAll('ecs-platform', 'a') });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(`${cwd}/plans/plan-b`);
    const core = await run(id, { github, context: context(), cwd });
    assert.deepEqual(github.writes.map(w => w.op), ['issues.createComment']);
    assert.match(core.failed, /plan-b.*no rolectl marker/);
  });

  test(`${id}: nothing to post at all fails without writing`, async () => {
    const github = new FakeGitHub({ comments: [REVIEW] });
    const core = await run(id, { github, context: context(), cwd: workdir() });
    assert.deepEqual(github.writes, []);
    assert.match(core.failed, /No plan to post/);
  });

  test(`${id}: the multi-account comment and the one-account comment of a stack are two`, async () => {
    const single = { id: 2, issue_number: 7, user: BOT, body: PLAN };
    const multi = { id: 3, issue_number: 7, user: BOT, body: MULTI + 'old\n' };
    const github = new FakeGitHub({ comments: [single, multi] });
    const core = await run(id, { github, context: context(), cwd: plans({ org: MULTI + 'new\n' }) });
    assert.equal(core.failed, null);
    assert.deepEqual(github.writes.map(w => [w.op, w.params.comment_id]), [['issues.updateComment', 3]]);
    assert.equal(single.body, PLAN);
  });

  test(`${id}: two stacks, two comments, each updated in place on the next push`, async () => {
    const github = new FakeGitHub({ comments: [REVIEW] });
    const a = PLAN.replaceAll('ecs-platform', 'a');
    const b = PLAN.replaceAll('ecs-platform', 'b');
    await run(id, { github, context: context(), cwd: plans({ 'plan-a': a, 'plan-b': b }) });
    const again = await run(id, { github, context: context(), cwd: plans({ 'plan-a': a + 'v2\n', 'plan-b': b + 'v2\n' }) });
    assert.equal(again.failed, null);
    assert.deepEqual(github.writes.map(w => w.op),
      ['issues.createComment', 'issues.createComment', 'issues.updateComment', 'issues.updateComment']);
    assert.equal(github.comments.filter(c => c.user === github.self).length, 2);
  });
}
