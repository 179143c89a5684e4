import { fieldLabel, formatInstant, formatPartialDate, formatValue, shortHash } from '../format';
import type { HistoryEntry } from '../history';

/** Every event: who, when (both timelines), which command and correlation, and what it changed. */
export function EventList({ history }: { history: HistoryEntry[] }) {
  return (
    <section class="card" aria-labelledby="events-heading">
      <h2 id="events-heading">History ({history.length} events)</h2>
      <ol class="events">
        {[...history].reverse().map(({ event, effectiveDate, changes }) => (
          <li key={event.eventId} id={`event-${event.revision}`}>
            <h3>
              {event.type}{' '}
              <span class="help">
                revision {event.revision} · position {event.position}
              </span>
            </h3>
            <dl class="meta">
              <div>
                <dt>Actor</dt>
                <dd>{event.metadata.actor ?? '—'}</dd>
              </div>
              <div>
                <dt>Recorded</dt>
                <dd>{formatInstant(event.metadata.recordedAt)}</dd>
              </div>
              <div>
                <dt>Effective</dt>
                <dd>{formatPartialDate(effectiveDate)}</dd>
              </div>
              <div>
                <dt>Command</dt>
                <dd class="mono">{event.metadata.commandId ?? '—'}</dd>
              </div>
              <div>
                <dt>Correlation</dt>
                <dd class="mono">{event.metadata.correlationId ?? '—'}</dd>
              </div>
              <div>
                <dt>Hash</dt>
                <dd class="mono" title={event.metadata.hash}>
                  {shortHash(event.metadata.hash)}
                </dd>
              </div>
            </dl>
            {changes.length > 0 && (
              <table class="diff compact">
                <caption class="sr-only">Changes made by revision {event.revision}</caption>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row">{fieldLabel(c.field)}</th>
                      <td>
                        <del>{formatValue(c.before)}</del>
                      </td>
                      <td>
                        <ins>{formatValue(c.after)}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
