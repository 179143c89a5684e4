import type { KeyObject } from 'node:crypto';
import { keyIdOf } from '../checkpoint/signing-key';
import { EXPORT_FORMAT, ExportHeader, ExportLine } from './export.format';
import { LogVerification, LogVerifier } from './log.verifier';

/**
 * Verifies an NDJSON export offline with nothing but the ledger's public key: every chain, every
 * checkpoint signature, and that the exported heads are the signed ones. Lines arrive in file order.
 */
export async function verifyExport(
  lines: AsyncIterable<string> | Iterable<string>,
  publicKey: KeyObject,
): Promise<LogVerification> {
  let verifier: LogVerifier | null = null;
  let lineNo = 0;
  const broken = (message: string): LogVerification => ({
    ok: false,
    events: 0,
    streams: 0,
    checkpointsVerified: 0,
    signedThroughPosition: 0,
    signedEvents: 0,
    failures: [{ code: 'EXPORT.MALFORMED', message: `line ${lineNo}: ${message}` }],
  });
  for await (const text of lines) {
    lineNo += 1;
    if (text.trim() === '') continue;
    let line: ExportLine;
    try {
      line = JSON.parse(text) as ExportLine;
    } catch {
      return broken('not JSON');
    }
    if (verifier === null) {
      if (line.kind !== 'header' || (line as ExportHeader).format !== EXPORT_FORMAT)
        return broken('the first line must be the export header');
      verifier = new LogVerifier({
        publicKey,
        keyId: keyIdOf(publicKey),
        checkpointPositions: Array.isArray(line.checkpointPositions) ? line.checkpointPositions : [],
        scope: line.scope === 'all' ? 'all' : 'streams',
        requireCheckpoint: true,
      });
    } else if (line.kind === 'event') {
      const { kind: _kind, ...event } = line;
      verifier.acceptEvent(event);
    } else if (line.kind === 'checkpoint-proof' && Array.isArray(line.heads) && line.checkpoint) {
      verifier.acceptProof(line.checkpoint, line.heads);
    } else {
      return broken('unknown line');
    }
  }
  return verifier ? verifier.finish() : broken('empty export');
}
