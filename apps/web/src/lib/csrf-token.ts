// The CSRF token of this tab's session, held in memory only: GET /auth/session hands it out again after a
// reload or in a new tab, so nothing about the session is ever written to storage.
let current: string | null = null;

export const csrfToken = {
  get: (): string | null => current,
  set: (token: string | null) => {
    current = token;
  },
};
