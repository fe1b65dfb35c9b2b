// Reads (never verifies: the server does) the claims the pane uses to prefill the form.
export interface PaneClaims {
  partner?: string;
  roles: string[];
  expiresAt?: number;
}

export function readClaims(token: string | null): PaneClaims | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { partner?: unknown; roles?: unknown; exp?: unknown };
    return {
      partner: typeof claims.partner === 'string' ? claims.partner : undefined,
      roles: Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [],
      expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : undefined,
    };
  } catch {
    return null;
  }
}
