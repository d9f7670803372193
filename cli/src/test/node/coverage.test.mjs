// Every github-script step of examples/github/*.yml has tests here: a step added to a workflow
// fails this test until it is listed, and tested in one of the files beside this one.
import test from 'node:test';
import assert from 'node:assert/strict';
import { scripts } from './harness.mjs';

const TESTED = [
  'apply.yml/reviewed-plan/Find the pull request and its last plan run',      // apply-find-plan.test.mjs
  'plan-accounts.yml/merge/Create or update the plan comment',                // plan-comment.test.mjs
  'plan.yml/comment/Create or update one comment per stack',                  // plan-comment.test.mjs
  'refresh.yml/drift-issues/Open, update or close one issue per stack',       // refresh.test.mjs
  'refresh.yml/snapshot-pull-request/Open or update the snapshot pull request', // refresh.test.mjs
];

test('every github-script body of the example workflows is tested', () => {
  assert.deepEqual(Object.keys(scripts).sort(), [...TESTED].sort());
});
