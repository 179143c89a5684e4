import type { RegexFilter, PrefixesFilter } from '@eventstore/db-client';
import { isSystemEvent, matchesFilter, toServerFilter } from './eventstoredb.filter';

const ev = (streamId: string, type: string) => ({ streamId, type });

describe('client-side filter (exact port rules)', () => {
  it('drops system streams and system event types whatever the filter', () => {
    expect(isSystemEvent(ev('$stats-127.0.0.1:2113', '$statsCollected'))).toBe(true);
    expect(isSystemEvent(ev('$$project-A', '$metadata'))).toBe(true);
    expect(matchesFilter(ev('$ce-project', '$>'), undefined)).toBe(false);
    expect(matchesFilter(ev('project-A', 'ProjectCreated'), undefined)).toBe(true);
  });

  it('requires both criteria to match; an empty list does not restrict', () => {
    const filter = { streamPrefixes: ['project-'], eventTypes: ['ProjectCompleted'] };
    expect(matchesFilter(ev('project-A', 'ProjectCompleted'), filter)).toBe(true);
    expect(matchesFilter(ev('project-A', 'ProjectStarted'), filter)).toBe(false);
    expect(matchesFilter(ev('budget-A', 'ProjectCompleted'), filter)).toBe(false);
    expect(matchesFilter(ev('budget-A', 'X'), { streamPrefixes: [], eventTypes: [] })).toBe(true);
  });

  it('matches event types exactly, not by prefix', () => {
    expect(matchesFilter(ev('project-A', 'ProjectCreatedV2'), { eventTypes: ['ProjectCreated'] })).toBe(
      false,
    );
  });
});

describe('server-side filter', () => {
  it('filters on stream prefixes when given (one round of filtering on the server)', () => {
    const filter = toServerFilter({
      streamPrefixes: ['project-'],
      eventTypes: ['ProjectCreated'],
    }) as PrefixesFilter;
    expect(filter).toMatchObject({ filterOn: 'streamName', prefixes: ['project-'] });
  });

  it('otherwise filters on an exact, escaped event-type regex', () => {
    const filter = toServerFilter({ eventTypes: ['ProjectCreated', 'a.b+c'] }) as RegexFilter;
    expect(filter.filterOn).toBe('eventType');
    const regex = new RegExp(filter.regex);
    expect(regex.test('ProjectCreated')).toBe(true);
    expect(regex.test('a.b+c')).toBe(true);
    expect(regex.test('ProjectCreatedV2')).toBe(false);
    expect(regex.test('axbbc')).toBe(false);
  });

  it('without criteria, still keeps system events off the wire', () => {
    const filter = toServerFilter(undefined) as RegexFilter;
    expect(filter.filterOn).toBe('eventType');
    expect(new RegExp(filter.regex).test('$statsCollected')).toBe(false);
    expect(new RegExp(filter.regex).test('ProjectCreated')).toBe(true);
  });
});
