// The api compiles with moduleResolution "node", which does not read package.json "exports"; PGlite publishes its
// contrib extensions only there (node_modules/@electric-sql/pglite/dist/contrib/pg_trgm.d.ts has this shape).
declare module '@electric-sql/pglite/contrib/pg_trgm' {
  import type { Extension } from '@electric-sql/pglite';
  export const pg_trgm: Extension;
}
