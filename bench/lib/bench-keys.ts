/** API keys of the benchmark's own throw-away servers (never a real deployment's). */
export const BENCH_KEYS = { publisher: 'bench-publisher-key', admin: 'bench-admin-key' } as const;
export const BENCH_API_KEYS = `publisher:${BENCH_KEYS.publisher},admin:${BENCH_KEYS.admin}`;
