// What the main thread hands a preview worker and what the worker sends back (structured-clone safe).
import type { LexiconActions, WordRule } from '../../checker';
import type { PreviewChange, PreviewPost } from './comparePost';

/** Everything a preview worker needs; no database handle crosses the thread boundary. */
export interface PreviewJob {
  version: string;
  rules: WordRule[];
  draft: WordRule;
  lexiconActions: LexiconActions;
  posts: PreviewPost[];
  /** ISO time the checks run at. */
  now: string;
}

/** Messages from the worker, in order: started, one scanned per post, done. */
export type PreviewMessage = { kind: 'started' } | { kind: 'scanned'; change: PreviewChange | null } | { kind: 'done' };
