// The results kept current while a manager watches: the first read, then on every `survey:response` for this survey
// the counts from the event at once and a debounced re-read of the whole results (a burst of answers costs one
// request), and a re-read after every (re)join, since nothing says what was missed while offline.
// Anonymous surveys: re-reading the breakdowns after each response would show each response on its own (the diff of
// two reads is one member's answers). There the counts stay live, but the breakdowns are read again only once the
// member responses have grown by ANONYMOUS_BATCH since the last read, or when the manager asks (reload).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Role } from '../../../server/contracts/api';
import type { SurveyResponsePayload } from '../../../server/contracts/events';
import type { SurveyResults } from '../../../server/contracts/surveys';
import { useSocket } from '../realtime/RealtimeProvider';
import { useCommunityRoom, type RoomState } from '../realtime/useCommunityRoom';
import { getResults } from './api';

/** How long a burst of responses is waited out before the results are read again. */
export const REFETCH_DEBOUNCE_MS = 400;

/** Member responses an anonymous survey's breakdowns wait for before they are read again live. */
export const ANONYMOUS_BATCH = 5;

/** Whether a `survey:response` should re-read the breakdowns: always on named surveys, in batches on anonymous ones. */
export function shouldRefetch(input: { anonymous: boolean; lastFetchedMembers: number | null; memberResponseCount: number }): boolean {
  if (!input.anonymous) return true;
  if (input.lastFetchedMembers === null) return false;
  return input.memberResponseCount - input.lastFetchedMembers >= ANONYMOUS_BATCH;
}

export type ResultsState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; results: SurveyResults };

const ignore = (): void => undefined;

/** Reads a survey's results and follows its responses live; returns them with the room state. */
export function useLiveResults({ surveyId, slug, role, anonymous = true }: { surveyId: string; slug: string; role: Role | null; anonymous?: boolean }): {
  state: ResultsState;
  room: RoomState;
  reload: () => void;
} {
  const socket = useSocket();
  const [state, setState] = useState<ResultsState>({ status: 'loading' });
  const generation = useRef(0);
  const timer = useRef<number | null>(null);
  /** memberResponseCount of the last full read (null before the first). */
  const fetchedMembers = useRef<number | null>(null);

  const reload = useCallback(() => {
    generation.current += 1;
    const mine = generation.current;
    getResults(surveyId).then(
      (results) => {
        if (mine !== generation.current) return;
        fetchedMembers.current = results.memberResponseCount;
        // A late read never takes the live count backwards.
        setState((was) =>
          was.status === 'ready' && was.results.responseCount > results.responseCount
            ? { status: 'ready', results: { ...results, responseCount: was.results.responseCount, responseRate: was.results.responseRate } }
            : { status: 'ready', results },
        );
      },
      (error: unknown) => {
        if (mine === generation.current) setState((was) => (was.status === 'ready' ? was : { status: 'error', error }));
      },
    );
  }, [surveyId]);

  const schedule = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = null;
      reload();
    }, REFETCH_DEBOUNCE_MS);
  }, [reload]);

  useEffect(() => {
    reload();
    return () => {
      generation.current += 1;
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
  }, [reload]);

  const room = useCommunityRoom({
    slug,
    role,
    handlers: { onPublished: ignore, onUpdated: ignore, onRemoved: ignore, onJoined: schedule },
  });

  useEffect(() => {
    if (!socket) return undefined;
    const onResponse = (payload: SurveyResponsePayload): void => {
      if (payload.surveyId !== surveyId) return;
      setState((was) =>
        was.status === 'ready' && payload.responseCount >= was.results.responseCount
          ? { status: 'ready', results: { ...was.results, responseCount: payload.responseCount, memberResponseCount: payload.memberResponseCount, responseRate: payload.responseRate } }
          : was,
      );
      if (shouldRefetch({ anonymous, lastFetchedMembers: fetchedMembers.current, memberResponseCount: payload.memberResponseCount })) schedule();
    };
    socket.on('survey:response', onResponse);
    return () => {
      socket.off('survey:response', onResponse);
    };
  }, [socket, surveyId, schedule, anonymous]);

  return { state, room, reload };
}
