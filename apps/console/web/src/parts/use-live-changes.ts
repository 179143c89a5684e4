import { useEffect, useState } from 'preact/hooks';
import { followChanges, type LiveState, type ProjectChange } from '../sse';

export type ChangeMarks = Map<string, 'new' | 'changed'>;

/**
 * Follows the live stream while the page is open: which projects were created or changed since, and a
 * call to reload the page's data (debounced, so a burst of changes costs one reload).
 */
export function useLiveChanges(reload: () => void): { state: LiveState; changed: ChangeMarks } {
  const [state, setState] = useState<LiveState>('connecting');
  const [changed, setChanged] = useState<ChangeMarks>(new Map());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = followChanges((change: ProjectChange) => {
      setChanged((marks) => {
        const next = new Map(marks);
        next.set(
          change.projectId,
          marks.get(change.projectId) === 'new' || change.revision === 0 ? 'new' : 'changed',
        );
        return next;
      });
      clearTimeout(timer);
      timer = setTimeout(reload, 250);
    }, setState);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, []);
  return { state, changed };
}
