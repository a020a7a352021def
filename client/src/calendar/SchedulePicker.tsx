// Date and time inputs for a publish time in the community's zone, named beside them (WIB, WITA, WIT...). It
// reports the instant the inputs name, or why there is none, so its users need not bring luxon themselves.
import { useEffect, useId, useState } from 'react';
import { useCalI18n } from './i18n/useCalI18n';
import { formatAt, slotToInstant, suggestedSlot, type Slot, type SlotResult } from './scheduleTime';
import { zoneLabel } from '../events/zones';
import './schedulePicker.css';

export interface SchedulePickerProps {
  zone: string;
  /** Where the inputs start; the next full hour after the coming one by default. */
  initial?: Slot;
  onChange: (result: SlotResult) => void;
  /** Show the problem (set once the user tried to submit). */
  showProblem?: boolean;
}

/** The publish date and time inputs with the zone's name and, once valid, the time spelled out. */
export function SchedulePicker({ zone, initial, onChange, showProblem = false }: SchedulePickerProps) {
  const { t, locale } = useCalI18n();
  const [slot, setSlot] = useState<Slot>(() => initial ?? suggestedSlot(new Date(), zone));
  const dateId = useId();
  const timeId = useId();
  const result = slotToInstant(slot, zone, new Date());
  const key = result.ok ? result.iso : result.problem;
  useEffect(() => {
    onChange(result);
    // Reported when what the inputs name changes (`key`), not on every render.
  }, [key]);

  return (
    <fieldset className="schedule-picker" data-testid="schedule-picker">
      <div className="schedule-picker__row">
        <div className="field">
          <label className="field__label" htmlFor={dateId}>
            {t('schedule.date')}
          </label>
          <input id={dateId} type="date" className="field__input" value={slot.date} onChange={(e) => setSlot({ ...slot, date: e.target.value })} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={timeId}>
            {t('schedule.time')}
          </label>
          <input id={timeId} type="time" className="field__input" value={slot.time} onChange={(e) => setSlot({ ...slot, time: e.target.value })} />
        </div>
      </div>
      <p className="field__hint" data-testid="schedule-zone">
        {t('schedule.zone', { zone: zoneLabel(zone) })}
        {result.ok && ` · ${t('schedule.at', { time: formatAt(result.iso, zone, locale) })}`}
      </p>
      {!result.ok && showProblem && (
        <p className="field__error" role="alert">
          {result.problem === 'past' ? t('schedule.past') : t('schedule.invalid')}
        </p>
      )}
    </fieldset>
  );
}

export default SchedulePicker;
