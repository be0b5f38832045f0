/** GET /auth/session's cache entry: the one place the console learns whether it is signed in. */
export const SESSION_QUERY_KEY = ['session'] as const;
