import { randomUUID } from 'node:crypto';
import { PROJECT_COMMANDS } from '@ledger/commands';
import { MONGOLIA_CREATE_BODY, type ProjectCommandType } from '@ledger/domain';
import { TEST_KEYS } from '../../support/test-keys';

/** A command some replica answered with 2xx: its event must be in the log, once. */
export interface Acknowledged {
  key: string;
  type: ProjectCommandType;
  projectId: string;
  status: number;
  revision: number;
  position: number;
  /** Requests sent for this key (1 = no retry). */
  attempts: number;
  replayed: boolean;
}

/** A command answered 4xx: not expected in this test (a retry with the same key must replay, not fail). */
export interface Refused {
  key: string;
  type: ProjectCommandType;
  projectId: string;
  status: number;
  body: string;
}

export interface LoadTally {
  acknowledged: Acknowledged[];
  refused: Refused[];
  /** Keys sent that never got an answer before the per-command deadline. */
  abandoned: string[];
  networkErrors: number;
  serverErrors: number;
}

/** The lifecycle each client walks a fresh project through: the documented example bodies. */
const LIFECYCLE: ProjectCommandType[] = [
  'CreateProject',
  'StartProject',
  'ReviseProjectBudget',
  'CompleteProject',
];
// Created with a smaller budget than the documented revision, or the revision would change nothing.
const CREATE_BUDGET = { amount: '180000.00', currency: 'USD' };

const pathOf = (type: ProjectCommandType, projectId: string) => {
  const path = PROJECT_COMMANDS[type].http.path;
  return path === ''
    ? '/projects'
    : `/projects/${encodeURIComponent(projectId)}/${path.replace(/^:id\//, '')}`;
};

const bodyOf = (type: ProjectCommandType, projectId: string, primaId: string) =>
  type === 'CreateProject'
    ? { ...MONGOLIA_CREATE_BODY, projectId, primaId, budget: CREATE_BUDGET }
    : PROJECT_COMMANDS[type].docs.example;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one command with its own Idempotency-Key to a replica, and on a network error, a timeout or a
 * 5xx sends the SAME key and body to the next replica, until one answers or the deadline passes.
 */
async function send(
  replicas: () => string[],
  first: number,
  type: ProjectCommandType,
  projectId: string,
  primaId: string,
  tally: LoadTally,
  deadlineMs: number,
): Promise<boolean> {
  const key = randomUUID();
  const body = JSON.stringify(bodyOf(type, projectId, primaId));
  const deadline = Date.now() + deadlineMs;
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    const urls = replicas();
    const base = urls[(first + attempt) % urls.length];
    let response: Response;
    try {
      response = await fetch(`${base}${pathOf(type, projectId)}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TEST_KEYS.publisher}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body,
        signal: AbortSignal.timeout(20_000),
      });
    } catch {
      tally.networkErrors += 1;
      await sleep(100);
      continue;
    }
    if (response.status >= 500) {
      tally.serverErrors += 1;
      await response.text().catch(() => '');
      await sleep(100);
      continue;
    }
    if (response.status >= 200 && response.status < 300) {
      const result = (await response.json()) as { revision: number; position: number };
      tally.acknowledged.push({
        key,
        type,
        projectId,
        status: response.status,
        revision: result.revision,
        position: result.position,
        attempts: attempt + 1,
        replayed: response.headers.get('idempotent-replayed') === 'true',
      });
      return true;
    }
    tally.refused.push({ key, type, projectId, status: response.status, body: await response.text() });
    return false;
  }
  tally.abandoned.push(key);
  return false;
}

/**
 * One client: until `until`, creates a project with a unique Projects ID and Prima ID and walks it
 * through create, start, budget revision and completion, each command to a replica chosen in turn.
 */
export async function runClient(
  client: number,
  run: string,
  replicas: () => string[],
  until: number,
  tally: LoadTally,
  commandDeadlineMs: number,
): Promise<void> {
  let turn = client;
  for (let n = 1; Date.now() < until; n++) {
    const projectId = `CC.${run}.${client}.${n}`;
    const primaId = `CC${run}C${client}N${n}`;
    for (const type of LIFECYCLE) {
      if (!(await send(replicas, turn++, type, projectId, primaId, tally, commandDeadlineMs))) break;
    }
  }
}

export const emptyTally = (): LoadTally => ({
  acknowledged: [],
  refused: [],
  abandoned: [],
  networkErrors: 0,
  serverErrors: 0,
});
