import { useEffect, useRef, useState } from 'preact/hooks';
import { getJson, withQuery } from '../api';
import { ProblemNote } from '../parts/problem-note';
import { ProjectFilters, type Filters, EMPTY_FILTERS } from '../parts/project-filters';
import { ProjectTable, type ProjectRow } from '../parts/project-table';
import { useLiveChanges } from '../parts/use-live-changes';

interface Page {
  items: ProjectRow[];
  nextCursor: string | null;
}

/** The project list: the query API's filters, search, sort and cursor paging, with live updates marked. */
export function ProjectsPage() {
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  // Cursors of the pages before this one, so "Previous" works although the API pages forwards only.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);
  const cursor = cursors[cursors.length - 1];
  const live = useLiveChanges(() => setReloads((n) => n + 1));
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    getJson<Page>(withQuery('/projects', { ...filters, cursor, limit: filters.limit }))
      .then((p) => current && (setPage(p), setError(null)))
      .catch((e) => current && setError(e));
    return () => {
      current = false;
    };
  }, [filters, cursor, reloads]);

  const apply = (next: Filters) => {
    // The rows of the old filters go at once: nothing (a reader or a test) mistakes them for the answer.
    setPage(null);
    setFilters(next);
    setCursors([undefined]);
  };
  const turn = (next: (string | undefined)[]) => {
    setCursors(next);
    heading.current?.focus();
  };

  return (
    <section aria-labelledby="projects-heading">
      <h1 id="projects-heading" ref={heading} tabIndex={-1}>
        Projects
      </h1>
      <ProjectFilters value={filters} onApply={apply} />
      <p class={`live live-${live.state}`} role="status">
        Live updates: {LIVE_LABEL[live.state]}
        {live.changed.size > 0 && ` · ${live.changed.size} project(s) changed since you opened this page`}
      </p>
      {error !== null && <ProblemNote error={error} />}
      {page && <ProjectTable rows={page.items} changed={live.changed} />}
      <nav class="pager" aria-label="Pages of projects">
        <button type="button" disabled={cursors.length < 2} onClick={() => turn(cursors.slice(0, -1))}>
          Previous page
        </button>
        <span>Page {cursors.length}</span>
        <button
          type="button"
          disabled={!page?.nextCursor}
          onClick={() => page?.nextCursor && turn([...cursors, page.nextCursor])}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}

const LIVE_LABEL = {
  connecting: 'connecting…',
  live: 'on',
  retrying: 'connection lost, retrying…',
  'signed-out': 'off (not allowed)',
} as const;
