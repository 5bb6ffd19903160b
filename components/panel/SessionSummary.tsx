import { useComputed, useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { correctEnd, type EndCorrectionProblem, endOnDay } from '../../utils/domain/end-correction';
import type { SessionMeta } from '../../utils/domain/model';
import { calendarDaysBetween, wallClock } from '../../utils/domain/session-date';
import { recordedMinutes } from '../../utils/domain/session-figures';
import { recordedView } from '../../utils/domain/session-life';
import { nextSessionOf } from '../../utils/domain/session-list';
import type { EndRecord, TimerView } from '../../utils/domain/timer';
import { localZone } from '../../utils/platform/dates';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { activateSession } from '../../utils/platform/session-writer';
import { partStore } from '../../utils/platform/storage';
import { useSessionsNear } from '../hooks/useSessionsNear';
import { useStored } from '../hooks/useStored';
import { NewSession } from './NewSession';
import type { Clock } from './useClock';

/**
 * What the panel shows in place of the clock once a session has ended: its
 * date, how and when it ended (the end time correctable), each phase planned
 * against taken with the total, and the next session (its date, its pre-work
 * if it came, or a way to start it). Everything here is recorded: nothing
 * counts. Loaded on demand (only an ended session needs it).
 */
export function SessionSummary({ sessionId, clock, takeFocus = false }: { sessionId: string; clock: Clock; takeFocus?: boolean }) {
  const sessions = useSessionsNear(sessionId);
  const wrapUp = useStored(partStore('wrapUp', sessionId));
  // The record, read from the log alone (a clock past its auto-end ended by the rule): it changes when the
  // log does (a correction, a reset), never with the seconds, so a timer second re-renders nothing here.
  const view = useComputed(() => recordedView(clock.log.value.value, clock.agenda.value, Number.POSITIVE_INFINITY, clock.call.value));
  const formats = useMemo(() => {
    const lang = uiLanguage();
    return {
      time: new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }),
      date: new Intl.DateTimeFormat(lang, { dateStyle: 'long' }),
    };
  }, []);
  const heading = useRef<HTMLHeadingElement>(null);
  // Ending from a control that is now gone (the clock bar's ⋯, the wrap-up's button) leaves focus nowhere:
  // bring it here, never away from a field the coach is in.
  useEffect(() => {
    if (takeFocus && (document.activeElement === document.body || document.activeElement === null)) heading.current?.focus();
  }, [takeFocus]);

  const current = view.value;
  const ended = current.ended;
  if (!ended) return null;
  const minutes = recordedMinutes(current);
  const next = nextSessionOf(sessions.value ?? [], sessionId);
  const nextAt = wrapUp.value.value.nextSessionAt;
  return (
    <section class="card summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" tabIndex={-1} ref={heading}>
        {t('endSummaryHeading', formats.date.format(current.startedAt ?? ended.at))}
      </h2>
      <p role="status">{endText(ended, atText(current.startedAt, ended.at, formats))}</p>
      <EndCorrection clock={clock} view={current} formats={formats} />
      <table class="figures">
        <thead>
          <tr>
            <th scope="col">{t('mdPhase')}</th>
            <th scope="col">{t('endTablePlanned')}</th>
            <th scope="col">{t('endTableTaken')}</th>
          </tr>
        </thead>
        <tbody>
          {minutes.phases.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.title}</th>
              <td>{t('endMinutes', String(p.planned))}</td>
              <td>{t('endMinutes', String(p.taken))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('endTableTotal')}</th>
            <td>{t('endMinutes', String(minutes.planned))}</td>
            <td>{t('endMinutes', String(minutes.taken))}</td>
          </tr>
        </tfoot>
      </table>
      <h3>{t('endNextHeading')}</h3>
      <p>{nextAt === null ? t('endNextNoDate') : t('endNextDate', formats.date.format(nextAt))}</p>
      {next ? <NextSession next={next} /> : <NewSession />}
      <RunAgain clock={clock} />
    </section>
  );
}

type Formats = { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat };

/**
 * A time of the session in words: the time of day alone on the day it began; "00:40 the next day" after
 * midnight, and the date too when later still, so an end after midnight never reads as before the start.
 */
function atText(startedAt: number | null, at: number, formats: Formats): string {
  const time = formats.time.format(at);
  const days = startedAt === null ? 0 : calendarDaysBetween(startedAt, at, localZone());
  return days <= 0 ? time : days === 1 ? t('endTimeNextDay', time) : t('endTimeOnDate', time, formats.date.format(at));
}

/** How the session ended, in words. */
function endText(ended: EndRecord, time: string): string {
  if (ended.corrected) return t('endCorrected', time);
  if (ended.by === 'call') return t('endByCall', time);
  if (ended.by === 'auto') return t(ended.while === 'paused' ? 'endByAutoPaused' : 'endByAutoRunning', time);
  return t('endByCoach', time);
}

/** The next session of the same coachee: its pre-work if it came, and a way to open it. */
function NextSession({ next }: { next: SessionMeta }) {
  const topic = useStored(partStore('topic', next.id));
  const title = topic.value.value.title.trim();
  return (
    <>
      <p>{title ? t('endNextPrework', title) : t('endNextNoPrework')}</p>
      <button type="button" onClick={() => void activateSession(next.id)}>
        {t('endNextOpen')}
      </button>
    </>
  );
}

const PROBLEMS: Record<Exclude<EndCorrectionProblem, 'notEnded'>, (start: string) => string> = {
  noTime: () => t('endCorrectNoTime'),
  beforeStart: (start) => t('endCorrectBeforeStart', start),
  inFuture: () => t('endCorrectInFuture'),
};

/**
 * Correct the recorded end time: a time of day, read on the day the session began, or on the next day
 * when earlier than the start (23:10 → 23:59 that evening, 00:35 the next morning), and the field says
 * which day it is read on as the coach types. The log keeps both ends; the correction counts.
 */
function EndCorrection({ clock, view, formats }: { clock: Clock; view: TimerView; formats: Formats }) {
  const endAt = view.ended?.at ?? Date.now();
  const startedAt = view.startedAt;
  const zone = localZone();
  const initial = wallClock(endAt, zone).time;
  const open = useSignal(false);
  const typed = useSignal(initial);
  const problem = useSignal('');
  const input = useRef<HTMLInputElement>(null);
  if (!open.value) {
    return (
      <button
        type="button"
        class="link small"
        onClick={() => {
          typed.value = initial;
          open.value = true;
        }}
      >
        {t('endCorrect')}
      </button>
    );
  }
  const reading = startedAt === null ? null : endOnDay(startedAt, typed.value, zone);
  const day = reading && t(reading.nextDay ? 'endCorrectNextDay' : 'endCorrectSameDay', formats.date.format(reading.at));
  const save = () => {
    const result = correctEnd(view, input.current?.value ?? typed.value, zone, Date.now());
    if ('problem' in result) {
      problem.value = result.problem === 'notEnded' ? '' : PROBLEMS[result.problem](formats.time.format(startedAt ?? endAt));
      return;
    }
    clock.add(result.event);
    problem.value = '';
    open.value = false;
  };
  return (
    <fieldset class="confirm">
      <legend class="sr-only">{t('endCorrect')}</legend>
      <div class="field">
        <label for="end-correct-time">{t('endCorrectLabel')}</label>
        <input
          id="end-correct-time"
          type="time"
          ref={input}
          value={typed.value}
          onInput={(e) => (typed.value = (e.currentTarget as HTMLInputElement).value)}
          aria-describedby={problem.value ? 'end-correct-day end-correct-problem' : 'end-correct-day'}
        />
        <p id="end-correct-day" class="hint" aria-live="polite">
          {day}
        </p>
      </div>
      {problem.value && (
        <p id="end-correct-problem" class="problem" role="alert">
          {problem.value}
        </p>
      )}
      <button type="button" class="primary" onClick={save}>
        {t('endCorrectSave')}
      </button>
      <button type="button" onClick={() => (open.value = false)}>
        {t('endCorrectCancel')}
      </button>
    </fieldset>
  );
}

/** The explicit coach action that clears the recorded times (a reset after the end), asked twice. */
function RunAgain({ clock }: { clock: Clock }) {
  const asking = useSignal(false);
  if (!asking.value) {
    return (
      <p>
        <button type="button" class="link small" onClick={() => (asking.value = true)}>
          {t('endRunAgain')}
        </button>
      </p>
    );
  }
  return (
    <fieldset class="confirm">
      <legend class="sr-only">{t('endRunAgain')}</legend>
      <p>{t('endRunAgainText')}</p>
      <button type="button" onClick={() => clock.add({ type: 'reset', at: Date.now() })}>
        {t('endRunAgainConfirm')}
      </button>
      <button type="button" onClick={() => (asking.value = false)}>
        {t('endRunAgainCancel')}
      </button>
    </fieldset>
  );
}
