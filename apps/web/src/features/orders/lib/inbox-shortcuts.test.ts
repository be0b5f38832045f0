import { shortcutOf } from './inbox-shortcuts';

const press = (key: string, target: EventTarget | null = document.body, extra: Partial<KeyboardEvent> = {}) =>
  shortcutOf({ key, ctrlKey: false, metaKey: false, altKey: false, target, ...extra });

test('the inbox keys map to their shortcuts', () => {
  expect(press('j')).toBe('next');
  expect(press('k')).toBe('previous');
  expect(press('/')).toBe('search');
  expect(press('?')).toBe('help');
  expect(press('a')).toBe('acknowledge');
  expect(press('s')).toBe('ship');
  expect(press('q')).toBeNull();
});

test('never while typing, with a modifier, or inside a dialog', () => {
  const input = document.createElement('input');
  const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
  const dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  const inDialog = dialog.appendChild(document.createElement('button'));
  expect(press('j', input)).toBeNull();
  expect(press('j', document.createElement('textarea'))).toBeNull();
  expect(press('j', checkbox)).toBe('next');
  expect(press('s', inDialog)).toBeNull();
  expect(press('a', document.body, { metaKey: true })).toBeNull();
});

test('Enter on a link is the link', () => {
  expect(press('Enter', document.createElement('a'))).toBeNull();
  expect(press('Enter')).toBe('open');
});
