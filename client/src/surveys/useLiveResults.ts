// The results kept current while a manager watches: the first read, then on every `survey:response` for this survey
// the counts from the event at once and a debounced re-read of the whole results (a burst of answers costs one
// request), and a re-read after every (re)join, since nothing says what was missed while offline.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Role } from '../../../server/contracts/api';
import type { SurveyResponsePayload } from '../../../server/contracts/events';
import type { SurveyResults } from '../../../server/contracts/surveys';
import { useSocket } from '../realtime/RealtimeProvider';
import { useCommunityRoom, type RoomState } from '../realtime/useCommunityRoom';
import { getResults } from './api';

/** How long a burst of responses is waited out before the results are read again. */
export const REFETCH_DEBOUNCE_MS = 400;

export type ResultsState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; results: SurveyResults };

const ignore = (): void => undefined;

/** Reads a survey's results and follows its responses live; returns them with the room state. */
export function useLiveResults({ surveyId, slug, role }: { surveyId: string; slug: string; role: Role | null }): {
  state: ResultsState;
  room: RoomState;
  reload: () => void;
} {
  const socket = useSocket();
  const [state, setState] = useState<ResultsState>({ status: 'loading' });
  const generation = useRef(0);
  const timer = useRef<number | null>(null);

  const reload = useCallback(() => {
    generation.current += 1;
    const mine = generation.current;
    getResults(surveyId).then(
      (results) => {
        if (mine !== generation.current) return;
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
          ? { status: 'ready', results: { ...was.results, responseCount: payload.responseCount, responseRate: payload.responseRate } }
          : was,
      );
      schedule();
    };
    socket.on('survey:response', onResponse);
    return () => {
      socket.off('survey:response', onResponse);
    };
  }, [socket, surveyId, schedule]);

  return { state, room, reload };
}
