// Where the pane finds the API. The build fixes the Functions origin (webpack DefinePlugin from
// ADDIN_API_BASE_URL, e.g. https://func-rendiconta.azurewebsites.net); unset, the pane calls its own
// origin's /api, as with `npm start` (the dev server proxies /api to the Functions host).
declare const __ADDIN_API_BASE_URL__: string | undefined;

/** "<origin>/api" for an https origin (trailing slashes and a trailing /api tolerated), "/api" for ''. */
export function apiBaseFrom(origin: string | undefined): string {
  const trimmed = (origin ?? '')
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/api$/i, '');
  return `${trimmed}/api`;
}

/** The API base of this build: every /api URL of the pane starts with it. */
export function apiBaseUrl(): string {
  return apiBaseFrom(typeof __ADDIN_API_BASE_URL__ === 'undefined' ? '' : __ADDIN_API_BASE_URL__);
}
