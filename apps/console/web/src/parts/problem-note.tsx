import { ApiError } from '../api';

/** An error from the ledger, in words, announced to screen readers. */
export function ProblemNote({ error }: { error: unknown }) {
  const text =
    error instanceof ApiError
      ? error.status === 403
        ? `Your role may not see this (${error.message})`
        : `${error.message} (${error.code})`
      : 'The ledger could not be reached.';
  return (
    <p role="alert" class="error">
      {text}
    </p>
  );
}
