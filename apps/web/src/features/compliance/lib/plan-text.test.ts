import { emptySection, initialSections, planAsText, sameSections } from './plan-text';

const draft = { rootCause: 'Draft cause', correctiveActions: 'Draft fix', preventiveMeasures: 'Draft prevention' };
const saved = { rootCause: 'Saved cause', correctiveActions: 'Saved fix', preventiveMeasures: 'Saved prevention' };

test('the editor starts from the saved plan, else the draft', () => {
  expect(
    initialSections({
      draft,
      saved: { ...saved, updatedBy: 'ops', updatedAt: '2026-11-24T09:00:00Z' } as typeof saved,
    }),
  ).toEqual(saved);
  expect(initialSections({ draft, saved: null })).toEqual(draft);
});

test('sections compare field by field', () => {
  expect(sameSections(draft, { ...draft })).toBe(true);
  expect(sameSections(draft, { ...draft, correctiveActions: 'other' })).toBe(false);
});

test('the clipboard text has the three titled sections', () => {
  expect(
    planAsText(
      { rootCause: ' Cause \n', correctiveActions: 'Fix', preventiveMeasures: 'Prevent' },
      'Amazon · Valid tracking rate',
    ),
  ).toBe(
    'Amazon · Valid tracking rate\n\nRoot cause\nCause\n\nCorrective actions\nFix\n\nPreventive measures\nPrevent\n',
  );
  expect(planAsText(draft)).toBe(
    'Root cause\nDraft cause\n\nCorrective actions\nDraft fix\n\nPreventive measures\nDraft prevention\n',
  );
});

test('an empty section is named before saving', () => {
  expect(emptySection(draft)).toBeNull();
  expect(emptySection({ ...draft, correctiveActions: '  ' })).toBe('Corrective actions');
});
