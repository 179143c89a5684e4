import { useEffect, useState } from 'preact/hooks';
import { getJson, postJson, projectPath, request } from '../api';
import { formatInstant } from '../format';
import { verifyExportInBrowser, type BrowserVerification } from '../verify';
import { ProblemNote } from './problem-note';

interface ServerCheck {
  ok: boolean;
  events: number;
  headHash?: string;
}

interface Outcome {
  server: ServerCheck;
  browser: BrowserVerification;
  keyId: string;
}

/**
 * Is the record intact? Two independent answers: the server recomputes the chain (GET /verify), and this
 * browser re-checks the project's export against the published key, trusting neither the server's
 * verdict nor its hashes.
 */
export function VerificationBadge({ projectId }: { projectId: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const base = projectPath(projectId);
      const [server, key, ndjson] = await Promise.all([
        getJson<ServerCheck>(`${base}/verify`),
        getJson<{ keyId: string; publicKeyPem: string }>('/audit/public-key'),
        request(`${base}/audit-export?format=ndjson`).then((r) => r.text()),
      ]);
      setOutcome({
        server,
        browser: await verifyExportInBrowser(ndjson, key.publicKeyPem),
        keyId: key.keyId,
      });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const sign = async () => {
    setBusy(true);
    try {
      await postJson('/audit/checkpoints');
    } catch (failure) {
      setError(failure);
    }
    await run();
  };
  useEffect(() => void run(), [projectId]);

  const b = outcome?.browser;
  const unsigned = b && !b.checkpoint;
  // Problems of the chain itself (per revision), as opposed to the checkpoint's.
  const chainOk = outcome?.server.ok && b?.problems.every((p) => !p.startsWith('revision'));
  const intact = outcome && outcome.server.ok && b && b.problems.every((p) => p.startsWith('no signed'));
  const verdict = !outcome
    ? 'checking'
    : !intact
      ? 'broken'
      : unsigned
        ? 'unsigned'
        : !b.ok
          ? 'broken'
          : b.checkpoint && b.checkpoint.covered < b.events
            ? 'partly'
            : 'intact';
  return (
    <section class={`card badge-card ${verdict}`} aria-labelledby="verify-heading" aria-busy={busy}>
      <h2 id="verify-heading">
        <span class="verdict" id="verdict">
          {VERDICT[verdict]}
        </span>
      </h2>
      {error !== null && <ProblemNote error={error} />}
      {outcome && b && (
        <ul class="checks">
          <li>
            Hash chain: {b.events} events,{' '}
            {chainOk
              ? 'every link and hash checked by the server and again in this browser'
              : 'BROKEN (the server’s check or this browser’s found a mismatch)'}
          </li>
          <li>
            Head hash: <code>{b.headHash}</code>
          </li>
          {b.checkpoint ? (
            <li>
              Latest signed checkpoint: position {b.checkpoint.position}, signed{' '}
              {formatInstant(b.checkpoint.signedAt)}, covers {b.checkpoint.covered} of {b.events} events;
              signature checked in this browser with public key <code>{outcome.keyId}</code> (Ed25519)
            </li>
          ) : (
            <li>No signed checkpoint covers this project yet.</li>
          )}
          {b.problems
            .filter((p) => !p.startsWith('no signed'))
            .map((p) => (
              <li key={p} class="error">
                {p}
              </li>
            ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" onClick={run} disabled={busy}>
          {busy ? 'Checking…' : 'Check again'}
        </button>
        {b && (unsigned || (b.checkpoint && b.checkpoint.covered < b.events)) && (
          <button type="button" class="secondary" onClick={sign} disabled={busy}>
            Sign a checkpoint now
          </button>
        )}
      </div>
    </section>
  );
}

const VERDICT = {
  checking: 'Checking the record…',
  intact: 'Record intact: chain and signature verified',
  unsigned: 'Chain intact; not yet covered by a signed checkpoint',
  partly: 'Chain intact; the latest events are not signed yet',
  broken: 'Record NOT intact',
} as const;
