export interface PresetFormValues {
  name: string;
  lengthIn: string;
  widthIn: string;
  heightIn: string;
  boxWeightOz: string;
  skus: string;
  isDefault: boolean;
}

export type PresetField = Exclude<keyof PresetFormValues, 'isDefault'>;

export interface PresetValue {
  name: string;
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  boxWeightOz: number;
  skus: string[];
  isDefault: boolean;
}

export const PRESET_MEASURES: readonly (readonly [Exclude<PresetField, 'name' | 'skus'>, string])[] = [
  ['lengthIn', 'Length (in)'],
  ['widthIn', 'Width (in)'],
  ['heightIn', 'Height (in)'],
  ['boxWeightOz', 'Box weight (oz)'],
];

export function presetFormValues(preset?: Partial<PresetValue> | null): PresetFormValues {
  return {
    name: preset?.name ?? '',
    lengthIn: preset?.lengthIn != null ? String(preset.lengthIn) : '',
    widthIn: preset?.widthIn != null ? String(preset.widthIn) : '',
    heightIn: preset?.heightIn != null ? String(preset.heightIn) : '',
    boxWeightOz: preset?.boxWeightOz != null ? String(preset.boxWeightOz) : '',
    skus: (preset?.skus ?? []).join(', '),
    isDefault: preset?.isDefault ?? false,
  };
}

/** SKUs typed with commas, spaces or new lines; each once, in the order typed. */
export function parseSkuList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((sku) => sku !== ''))];
}

export function parsePreset(
  values: PresetFormValues,
): { ok: true; preset: PresetValue } | { ok: false; errors: Partial<Record<PresetField, string>> } {
  const errors: Partial<Record<PresetField, string>> = {};
  const name = values.name.trim();
  if (name === '') errors.name = 'Name is required.';
  const numbers = {} as Record<(typeof PRESET_MEASURES)[number][0], number>;
  for (const [field, label] of PRESET_MEASURES) {
    const text = values[field].trim();
    const value = Number(text);
    const what = label.replace(/ \(.*\)$/, '');
    if (text === '') errors[field] = `${what} is required.`;
    else if (!Number.isFinite(value)) errors[field] = `${what} must be a number.`;
    else if (field === 'boxWeightOz' ? value < 0 : value <= 0)
      errors[field] = `${what} must be ${field === 'boxWeightOz' ? '0 or more' : 'more than 0'}.`;
    else numbers[field] = value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, preset: { name, ...numbers, skus: parseSkuList(values.skus), isDefault: values.isDefault } };
}
