/** API keys of the benchmark's own throw-away servers (never a real deployment's). */
export const BENCH_KEYS = {
  publisher: 'bench-publisher-key',
  reader: 'bench-reader-key',
  admin: 'bench-admin-key',
} as const;
export const BENCH_API_KEYS = Object.entries(BENCH_KEYS)
  .map(([role, key]) => `${role}:${key}`)
  .join(',');
