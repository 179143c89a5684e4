/**
 * Node flags the apps are started with (`npm start`, the Docker image, the benchmark's standalone server).
 *
 * `--max-old-space-size=1536`: V8 sizes its heap-growing factor by the heap limit. On a machine with 16 GB
 * or more the default limit is about 4 GiB, and V8 then lets the heap grow to four times what survived the
 * last full collection before collecting again; under a 64-client command load the standalone app's heap
 * reached 190 MiB with 35–60 MiB live, a peak RSS of 260–300 MiB. Below a 2 GiB limit the factor shrinks:
 * the same load peaks at 209–227 MiB RSS with 1.5 GiB (185–210 MiB with 1 GiB, at the price of more full
 * collections). The cost: an operation that needs more than 1.5 GiB of live objects fails with "heap out of
 * memory" instead of growing (the largest process the benchmark measures peaks at 400 MiB RSS); raise it
 * with NODE_OPTIONS=--max-old-space-size=… for such a run.
 */
export const APP_NODE_FLAGS = ['--max-old-space-size=1536'] as const;
