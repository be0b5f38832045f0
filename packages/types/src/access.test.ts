import { ApiRole, roleAtLeast } from './access';

describe('roleAtLeast', () => {
  it.each([
    [ApiRole.ADMIN, ApiRole.OPERATOR, true],
    [ApiRole.OPERATOR, ApiRole.OPERATOR, true],
    [ApiRole.VIEWER, ApiRole.OPERATOR, false],
    [ApiRole.OPERATOR, ApiRole.ADMIN, false],
    [ApiRole.VIEWER, ApiRole.VIEWER, true],
  ])('%s satisfies %s: %s', (role, required, expected) => {
    expect(roleAtLeast(role, required)).toBe(expected);
  });
});
