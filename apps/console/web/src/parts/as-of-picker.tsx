import { useState } from 'preact/hooks';
import { fieldLabel, formatInstant, formatPartialDate, formatValue } from '../format';
import { asOf, type HistoryEntry } from '../history';
import { ProblemNote } from './problem-note';

type Timeline = 'effectiveDate' | 'recordedAt' | 'revision';

const TIMELINES: { value: Timeline; label: string; hint: string }[] = [
  { value: 'effectiveDate', label: 'True on a date', hint: 'YYYY, YYYY-MM or YYYY-MM-DD' },
  {
    value: 'recordedAt',
    label: 'Known to the ledger at',
    hint: 'a date, or an instant such as 2015-02-01T12:00:00Z',
  },
  { value: 'revision', label: 'At revision', hint: 'a revision number, 0 for the creation' },
];

const SHOWN = ['status', 'budget', 'actualStart', 'actualEnd', 'plannedStart', 'plannedEnd', 'statusReason'];

interface Answer {
  query: string;
  revision: number;
  appliedRevisions: number[];
  state: Record<string, unknown>;
}

/** The project as it was, on either timeline, and who last changed its budget up to then. */
export function AsOfPicker({ projectId, history }: { projectId: string; history: HistoryEntry[] }) {
  const [timeline, setTimeline] = useState<Timeline>('effectiveDate');
  const [value, setValue] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const hint = TIMELINES.find((t) => t.value === timeline)?.hint;

  const show = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const query = `${timeline}=${encodeURIComponent(value.trim())}`;
      const when = value.trim();
      // A date reads the reader's way ("15 January 2015"); an instant or a revision is shown as typed.
      const shown = timeline === 'revision' || when.includes('T') ? when : formatPartialDate(when);
      setAnswer({
        query: `${TIMELINES.find((t) => t.value === timeline)?.label} ${shown}`,
        ...(await asOf(projectId, query)),
      });
    } catch (failure) {
      setAnswer(null);
      setError(failure);
    }
  };
  const budgetSetBy = answer
    ? [...history]
        .reverse()
        .find(
          (h) =>
            answer.appliedRevisions.includes(h.event.revision) && h.changes.some((c) => c.field === 'budget'),
        )
    : undefined;

  return (
    <section class="card" aria-labelledby="asof-heading">
      <h2 id="asof-heading">As it was</h2>
      <form class="as-of" onSubmit={show}>
        <fieldset>
          <legend>Timeline</legend>
          {TIMELINES.map((t) => (
            <label key={t.value} class="radio">
              <input
                type="radio"
                name="timeline"
                value={t.value}
                checked={timeline === t.value}
                onChange={() => setTimeline(t.value)}
              />
              {t.label}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="as-of-value">When</label>
          <input
            id="as-of-value"
            required
            value={value}
            aria-describedby="as-of-hint"
            onInput={(e) => setValue((e.target as HTMLInputElement).value)}
          />
          <span id="as-of-hint" class="help">
            {hint}
          </span>
        </div>
        <button type="submit">Show</button>
      </form>
      {error !== null && <ProblemNote error={error} />}
      {answer && (
        <div id="as-of-result" aria-live="polite">
          <h3>
            {answer.query}: revision {answer.revision}
          </h3>
          <dl class="facts">
            {SHOWN.map((field) => (
              <div key={field}>
                <dt>{fieldLabel(field)}</dt>
                <dd>{formatValue(answer.state[field])}</dd>
              </div>
            ))}
          </dl>
          {budgetSetBy && (
            <p class="who-changed">
              Budget set by <strong>{budgetSetBy.event.metadata.actor}</strong> in {budgetSetBy.event.type}{' '}
              (revision {budgetSetBy.event.revision}), recorded{' '}
              {formatInstant(budgetSetBy.event.metadata.recordedAt)}, correlation{' '}
              <span class="mono">{budgetSetBy.event.metadata.correlationId ?? '—'}</span>.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
