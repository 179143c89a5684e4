import { useEffect, useState } from 'preact/hooks';

export interface Route {
  page: 'projects' | 'stats' | 'project';
  projectId?: string;
}

/** Pages live in the URL fragment (#/projects/TC.0789): links, back and forward work, the server needs nothing. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'projects' && parts[1])
    return { page: 'project', projectId: decodeURIComponent(parts[1]) };
  if (parts[0] === 'stats') return { page: 'stats' };
  return { page: 'projects' };
}

export const projectHref = (id: string): string => `#/projects/${encodeURIComponent(id)}`;

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
