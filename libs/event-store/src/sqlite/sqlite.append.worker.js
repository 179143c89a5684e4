/* eslint-disable */
// Child process for the multi-process test: opens the store file given in argv, says "ready", waits for "go"
// on stdin (so both children write at the same time), appends, prints its stats as JSON and exits.
// Plain JS that compiles the TypeScript adapter on the fly, so the test needs no build step.
require('@swc-node/register');
const { SqliteEventStore } = require('./sqlite.event-store.ts');
const { randomUUID } = require('node:crypto');

const [file, name, rounds, perRound] = [
  process.argv[2],
  process.argv[3],
  Number(process.argv[4]),
  Number(process.argv[5]),
];

async function main() {
  const store = new SqliteEventStore({ file });
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const event = (n) => ({
    eventId: randomUUID(),
    type: 'Written',
    data: { by: name, n },
    metadata: { actor: name },
  });
  for (let round = 0; round < rounds; round++) {
    const appends = [];
    for (let i = 0; i < perRound; i++)
      appends.push(store.append(`${name}-${round}-${i}`, [event(i)], 'no-stream'));
    // Both processes also hit one shared stream, so revisions there are contended across processes.
    appends.push(store.append('shared', [event(-1)], 'any'));
    await Promise.all(appends);
    // A pause like real traffic has: back-to-back commits would let one process hold the lock while the
    // other sleeps in SQLite's busy back-off, and the two would barely interleave.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const stats = store.stats();
  await store.close();
  process.stdout.write(JSON.stringify(stats) + '\n');
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
    process.exit(1);
  },
);
