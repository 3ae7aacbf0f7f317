// How the app proves who it is to the API. Today an API key (kept for the browser tab only, in
// sessionStorage); an OIDC sign-in would be another Credentials that returns an Authorization
// header, with no change to the API client or the pages.

export interface Credentials {
  readonly scheme: 'apiKey';
  headers(): Record<string, string>;
}

const STORAGE_KEY = 'servicessync.apiKey';

export function apiKeyCredentials(key: string): Credentials {
  return { scheme: 'apiKey', headers: () => ({ 'X-Api-Key': key }) };
}

export function loadStoredCredentials(): Credentials | null {
  const key = sessionStorage.getItem(STORAGE_KEY);
  return key ? apiKeyCredentials(key) : null;
}

export function storeApiKey(key: string): void {
  sessionStorage.setItem(STORAGE_KEY, key);
}

export function forgetCredentials(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
