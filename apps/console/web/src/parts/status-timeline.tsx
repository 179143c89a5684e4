import { formatInstant, formatPartialDate } from '../format';
import type { HistoryEntry } from '../history';

/**
 * Every status the project went through, on both timelines: when it became true (effective date) and
 * when the ledger learnt it (recorded). They differ whenever a fact is entered after the fact.
 */
export function StatusTimeline({ history }: { history: HistoryEntry[] }) {
  const steps = history.filter((h) => h.changes.some((c) => c.field === 'status'));
  return (
    <section class="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Status timeline</h2>
      <ol class="timeline">
        {steps.map((h) => {
          const status = h.changes.find((c) => c.field === 'status')?.after as string;
          return (
            <li key={h.event.revision}>
              <span class={`status ${status}`}>{status}</span>
              <span>
                true from <strong>{formatPartialDate(h.effectiveDate)}</strong>
              </span>
              <span class="help">
                recorded {formatInstant(h.event.metadata.recordedAt)} · {h.event.type} (revision{' '}
                {h.event.revision})
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
