import { accountPermissions } from './account-permissions';

test('each role gets what the api allows it', () => {
  expect(accountPermissions('ADMIN')).toEqual({ canSync: true, canManage: true, syncDeniedReason: null });
  expect(accountPermissions('OPERATOR')).toEqual({ canSync: true, canManage: false, syncDeniedReason: null });
  expect(accountPermissions('VIEWER')).toMatchObject({ canSync: false, canManage: false });
  expect(accountPermissions('VIEWER').syncDeniedReason).toMatch(/OPERATOR/);
  expect(accountPermissions(undefined).canSync).toBe(false);
});
