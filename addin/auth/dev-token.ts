// Local development: a token minted by `npm run token` and pasted in the pane, or passed once in
// the URL (?token=…, removed from the address bar at once), kept in localStorage.
const STORAGE_KEY = 'rendiconta.devToken';

export function readDevToken(
  location: Pick<Location, 'search' | 'href'>,
  storage: Storage,
  history?: Pick<History, 'replaceState'>,
): string | null {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem(STORAGE_KEY, fromUrl);
    params.delete('token');
    const url = new URL(location.href);
    url.search = params.toString();
    history?.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return storage.getItem(STORAGE_KEY);
}

export function saveDevToken(storage: Storage, token: string | null): void {
  if (token) storage.setItem(STORAGE_KEY, token.trim());
  else storage.removeItem(STORAGE_KEY);
}
