// A small path router: the app has a handful of pages, so the History API is enough and the
// server answers every non-API path with index.html.

import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(to: string, replace = false): void {
  if (to === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  listeners.forEach((l) => l());
}

export function useLocation(): string {
  return useSyncExternalStore(subscribe, () => location.pathname + location.search);
}

export type Route =
  | { page: 'workflows' }
  | { page: 'editor'; id: string }
  | { page: 'runs'; workflow: string | null }
  | { page: 'run'; id: string }
  | { page: 'deadLetters' }
  | { page: 'schedules' }
  | { page: 'connections' }
  | { page: 'notFound' };

export function parseRoute(location: string): Route {
  const url = new URL(location, 'http://local');
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts[0] === 'workflows' && parts.length === 1)) return { page: 'workflows' };
  if (parts[0] === 'workflows' && parts[1]) return { page: 'editor', id: parts[1] };
  if (parts[0] === 'runs' && parts[1]) return { page: 'run', id: parts[1] };
  if (parts[0] === 'runs') return { page: 'runs', workflow: url.searchParams.get('workflow') };
  if (parts[0] === 'dead-letters') return { page: 'deadLetters' };
  if (parts[0] === 'schedules') return { page: 'schedules' };
  if (parts[0] === 'connections') return { page: 'connections' };
  return { page: 'notFound' };
}
