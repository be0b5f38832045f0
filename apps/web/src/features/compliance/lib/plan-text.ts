// The plan of action as text: what the editor starts from, and what goes to the clipboard for the channel's form.

export interface PlanSections {
  rootCause: string;
  correctiveActions: string;
  preventiveMeasures: string;
}

export const PLAN_SECTIONS: readonly { field: keyof PlanSections; title: string }[] = [
  { field: 'rootCause', title: 'Root cause' },
  { field: 'correctiveActions', title: 'Corrective actions' },
  { field: 'preventiveMeasures', title: 'Preventive measures' },
];

/** The saved text when there is one, else the draft drafted from the data. */
export function initialSections(plan: { draft: PlanSections; saved?: PlanSections | null }): PlanSections {
  const source = plan.saved ?? plan.draft;
  return {
    rootCause: source.rootCause,
    correctiveActions: source.correctiveActions,
    preventiveMeasures: source.preventiveMeasures,
  };
}

export function sameSections(a: PlanSections, b: PlanSections): boolean {
  return PLAN_SECTIONS.every(({ field }) => a[field] === b[field]);
}

/** Every section under its title, blank line between, trimmed: ready to paste into the channel's appeal form. */
export function planAsText(sections: PlanSections, heading?: string): string {
  const body = PLAN_SECTIONS.map(({ field, title }) => `${title}\n${sections[field].trim()}`).join('\n\n');
  return heading ? `${heading}\n\n${body}\n` : `${body}\n`;
}

/** The first section left empty (the api refuses an empty one), or null. */
export function emptySection(sections: PlanSections): string | null {
  return PLAN_SECTIONS.find(({ field }) => sections[field].trim() === '')?.title ?? null;
}
