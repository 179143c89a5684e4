import { useState } from 'preact/hooks';
import { COVERAGES, PROJECT_STATUSES, REGIONS } from '../domain-lists';

export interface Filters {
  q: string;
  status: string;
  region: string;
  coverage: string;
  projectType: string;
  memberState: string;
  fundingYear: string;
  sort: string;
  limit: string;
}

export const EMPTY_FILTERS: Filters = {
  q: '',
  status: '',
  region: '',
  coverage: '',
  projectType: '',
  memberState: '',
  fundingYear: '',
  sort: 'title',
  limit: '25',
};

const SORTS: [string, string][] = [
  ['title', 'Title (A–Z)'],
  ['-title', 'Title (Z–A)'],
  ['-updatedAt', 'Latest change first'],
  ['updatedAt', 'Oldest change first'],
  ['-budget', 'Largest budget first'],
  ['budget', 'Smallest budget first'],
  ['-fundingYear', 'Newest funding year first'],
  ['fundingYear', 'Oldest funding year first'],
];

/** The query API's filters as one form: nothing is asked until "Apply" (or Enter). */
export function ProjectFilters({ value, onApply }: { value: Filters; onApply: (f: Filters) => void }) {
  const [draft, setDraft] = useState(value);
  const field = (name: keyof Filters) => ({
    id: `filter-${name}`,
    name,
    value: draft[name],
    onInput: (e: Event) => setDraft({ ...draft, [name]: (e.target as HTMLInputElement).value }),
  });
  const choice = (name: keyof Filters, label: string, options: readonly string[]) => (
    <div class="field">
      <label for={`filter-${name}`}>{label}</label>
      <select {...field(name)}>
        <option value="">Any</option>
        {options.map((o) => (
          <option value={o}>{o}</option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      class="filters"
      role="search"
      aria-label="Filter projects"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <div class="field wide">
        <label for="filter-q">Search titles</label>
        <input type="search" {...field('q')} />
      </div>
      {choice('status', 'Status', PROJECT_STATUSES)}
      {choice('region', 'Region', REGIONS)}
      {choice('coverage', 'Coverage', COVERAGES)}
      <div class="field">
        <label for="filter-projectType">Project type</label>
        <input {...field('projectType')} />
      </div>
      <div class="field">
        <label for="filter-memberState">Member state (name or code)</label>
        <input {...field('memberState')} />
      </div>
      <div class="field">
        <label for="filter-fundingYear">Funding year</label>
        <input inputMode="numeric" pattern="[0-9]{4}" {...field('fundingYear')} />
      </div>
      <div class="field">
        <label for="filter-sort">Sort by</label>
        <select {...field('sort')}>
          {SORTS.map(([v, label]) => (
            <option value={v}>{label}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-limit">Per page</label>
        <select {...field('limit')}>
          {['5', '10', '25', '50', '100', '200'].map((n) => (
            <option value={n}>{n}</option>
          ))}
        </select>
      </div>
      <div class="actions">
        <button type="submit">Apply</button>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setDraft(EMPTY_FILTERS);
            onApply(EMPTY_FILTERS);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
