import { useState } from 'preact/hooks';
import { request, projectPath } from '../api';
import { ProblemNote } from './problem-note';

/**
 * Downloads need the Authorization header, so a plain link cannot fetch them: the file is fetched, then
 * handed to the browser as a blob under the name the server gave it.
 */
export async function download(path: string, fallbackName: string): Promise<string> {
  const response = await request(path, { headers: { Accept: '*/*' } });
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

export function Downloads({ projectId, auditor }: { projectId: string; auditor: boolean }) {
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const base = projectPath(projectId);
  const get = (path: string, name: string) => () => {
    setError(null);
    download(path, name).then((n) => setDone(`Downloaded ${n}.`), setError);
  };
  return (
    <section class="card" aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">Downloads</h2>
      <div class="actions">
        {auditor && (
          <>
            <button type="button" onClick={get(`${base}/audit-export?format=ndjson`, `${projectId}.ndjson`)}>
              Audit export (NDJSON, verifiable)
            </button>
            <button type="button" onClick={get(`${base}/audit-export?format=csv`, `${projectId}.csv`)}>
              Audit export (CSV)
            </button>
          </>
        )}
        <button type="button" onClick={get(`${base}/iati`, `${projectId}.xml`)}>
          IATI activity (XML)
        </button>
      </div>
      {done && <p role="status">{done}</p>}
      {error !== null && <ProblemNote error={error} />}
      {auditor && (
        <p class="help">
          Check an NDJSON export offline:{' '}
          <code>npm run audit -- verify-export FILE --public-key ledger-public.pem</code>
        </p>
      )}
    </section>
  );
}
