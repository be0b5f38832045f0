/** Roles of API tokens, each including the rights of the ones before it. */
export const ApiRole = {
  VIEWER: 'VIEWER',
  OPERATOR: 'OPERATOR',
  ADMIN: 'ADMIN',
} as const;
export type ApiRole = (typeof ApiRole)[keyof typeof ApiRole];

const RANK: Record<ApiRole, number> = { VIEWER: 0, OPERATOR: 1, ADMIN: 2 };

export function roleAtLeast(role: ApiRole, required: ApiRole): boolean {
  return RANK[role] >= RANK[required];
}
