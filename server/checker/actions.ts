import type { Action } from './types';

// block > hold > flag > censor > publish: the verdict is the most severe action any reason asks for.
const RANK: Record<Action, number> = { publish: 0, censor: 1, flag: 2, hold: 3, block: 4 };

/** Orders two actions by severity (positive when `a` is more severe). */
export function compareActions(a: Action, b: Action): number {
  return RANK[a] - RANK[b];
}

/** The most severe action among the given ones; `publish` when there are none. */
export function mostSevere(actions: Iterable<Action>): Action {
  let best: Action = 'publish';
  for (const action of actions) if (RANK[action] > RANK[best]) best = action;
  return best;
}
