import { formatActor } from './actor-format';

test('people read as their e-mail, tokens as "API token <name>", anything else as stored', () => {
  expect(formatActor('user:ana@example.com')).toBe('ana@example.com');
  expect(formatActor('token:warehouse')).toBe('API token warehouse');
  expect(formatActor('system:first-start')).toBe('the hub');
  expect(formatActor('system')).toBe('system');
  expect(formatActor(null)).toBe('someone');
  expect(formatActor(undefined, '—')).toBe('—');
});
