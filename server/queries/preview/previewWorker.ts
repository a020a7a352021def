// The worker thread of a rule preview: compiles both rule sets and checks the posts one by one, reporting
// each change as it is found, so that the main thread can answer with what it has when the deadline comes.
import { parentPort, workerData } from 'node:worker_threads';
import { compileRuleSet } from '../../checker';
import { comparePost } from './comparePost';
import type { PreviewJob, PreviewMessage } from './previewTypes';

const job = (workerData as { job: PreviewJob }).job;
const send = (message: PreviewMessage): void => parentPort?.postMessage(message);

const lexiconActions = job.lexiconActions;
const current = compileRuleSet({ version: job.version, rules: job.rules, lexiconActions });
const withDraft = compileRuleSet({ version: `draft-${job.version}`, rules: [...job.rules, job.draft], lexiconActions });
const now = new Date(job.now);
send({ kind: 'started' });
for (const post of job.posts) {
  const change = comparePost({ current, withDraft, post, now });
  send({ kind: 'scanned', change });
}
send({ kind: 'done' });
