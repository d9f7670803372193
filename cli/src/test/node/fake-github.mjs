// An in-memory stand-in for the part of GitHub's REST API the example workflows' scripts use,
// with octokit's shapes ({ data }, errors with a status) and GitHub's filters (creator, state,
// head, base). Every write is recorded in `writes`.
function httpError(status, message) {
  const e = new Error(message);
  e.status = status;
  return e;
}

export class FakeGitHub {
  constructor(state = {}) {
    this.comments = state.comments ?? [];           // { id, issue_number, user, body }
    this.issues = state.issues ?? [];               // { number, user, title, body, state }
    this.pulls = state.pulls ?? [];                 // { number, user, head: {ref}, base: {ref}, state, body, ... }
    this.prsForCommit = state.prsForCommit ?? {};   // sha -> [pull]
    this.prCommits = state.prCommits ?? {};         // number -> [sha]
    this.runs = state.runs ?? [];                   // workflow runs
    this.refs = state.refs ?? {};                   // 'heads/x' -> sha
    this.files = state.files ?? {};                 // 'ref:path' -> { sha, content }
    this.nextId = 1000;
    this.writes = [];
    const g = this;
    const write = (op, params) => g.writes.push({ op, params });
    this.rest = {
      issues: {
        async listComments(p) {
          return { data: g.comments.filter(c => c.issue_number === p.issue_number) };
        },
        async createComment(p) {
          write('issues.createComment', p);
          const c = { id: g.nextId++, issue_number: p.issue_number, user: g.self, body: p.body };
          g.comments.push(c);
          return { data: c };
        },
        async updateComment(p) {
          write('issues.updateComment', p);
          const c = g.comments.find(x => x.id === p.comment_id);
          if (!c) throw httpError(404, 'Not Found');
          c.body = p.body;
          return { data: c };
        },
        async listForRepo(p) {
          return { data: g.issues.filter(i => (p.state === 'all' || i.state === (p.state ?? 'open'))
            && (!p.creator || i.user.login === p.creator)) };
        },
        async create(p) {
          write('issues.create', p);
          const i = { number: g.nextId++, user: g.self, title: p.title, body: p.body, state: 'open' };
          g.issues.push(i);
          return { data: i };
        },
        async update(p) {
          write('issues.update', p);
          const i = g.issues.find(x => x.number === p.issue_number);
          if (!i) throw httpError(404, 'Not Found');
          Object.assign(i, Object.fromEntries(Object.entries(p).filter(([k]) => ['body', 'state', 'title'].includes(k))));
          return { data: i };
        },
      },
      repos: {
        async listPullRequestsAssociatedWithCommit(p) {
          return { data: g.prsForCommit[p.commit_sha] ?? [] };
        },
        async getContent(p) {
          const f = g.files[`${p.ref}:${p.path}`];
          if (!f) throw httpError(404, 'Not Found');
          return { data: { sha: f.sha, path: p.path } };
        },
        async createOrUpdateFileContents(p) {
          write('repos.createOrUpdateFileContents', p);
          const key = `${p.branch}:${p.path}`;
          const existing = g.files[key];
          if (existing && existing.sha !== p.sha) throw httpError(409, `${p.path} does not match ${p.sha}`);
          if (!existing && p.sha) throw httpError(422, `${p.path} does not exist`);
          g.files[key] = { sha: `blob-${g.nextId++}`, content: Buffer.from(p.content, 'base64').toString('utf8') };
          return { data: {} };
        },
      },
      pulls: {
        async listCommits(p) {
          return { data: (g.prCommits[p.pull_number] ?? []).map(sha => ({ sha })) };
        },
        async list(p) {
          return { data: g.pulls.filter(x => x.state === (p.state ?? 'open')
            && (!p.head || `${x.headOwner ?? 'example-org'}:${x.head.ref}` === p.head)
            && (!p.base || x.base.ref === p.base)) };
        },
        async create(p) {
          write('pulls.create', p);
          if (g.pulls.some(x => x.state === 'open' && x.head.ref === p.head && x.base.ref === p.base)) {
            throw httpError(422, `A pull request already exists for example-org:${p.head}.`);
          }
          const pr = { number: g.nextId++, user: g.self, head: { ref: p.head }, base: { ref: p.base },
            state: 'open', title: p.title, body: p.body };
          g.pulls.push(pr);
          return { data: pr };
        },
        async update(p) {
          write('pulls.update', p);
          const pr = g.pulls.find(x => x.number === p.pull_number);
          if (!pr) throw httpError(404, 'Not Found');
          if (p.body !== undefined) pr.body = p.body;
          return { data: pr };
        },
      },
      actions: {
        async listWorkflowRuns(p) {
          const runs = g.runs.filter(r => r.workflow === p.workflow_id && (!p.event || r.event === p.event)
            && (!p.branch || r.head_branch === p.branch));
          return { data: { total_count: runs.length, workflow_runs: runs } };
        },
      },
      git: {
        async updateRef(p) {
          write('git.updateRef', p);
          if (!(p.ref in g.refs)) throw httpError(422, 'Reference does not exist');
          g.refs[p.ref] = p.sha;
          return { data: {} };
        },
        async createRef(p) {
          write('git.createRef', p);
          const ref = p.ref.replace(/^refs\//, '');
          if (ref in g.refs) throw httpError(422, 'Reference already exists');
          g.refs[ref] = p.sha;
          return { data: {} };
        },
      },
    };
    this.self = { login: 'github-actions[bot]', type: 'Bot' };
  }

  /** octokit's paginate: every item of a list call (workflow runs unwrapped). */
  async paginate(fn, params) {
    const { data } = await fn(params);
    return Array.isArray(data) ? data : data.workflow_runs;
  }
}
