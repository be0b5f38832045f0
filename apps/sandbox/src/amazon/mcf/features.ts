export const MCF_FEATURES: readonly { featureName: string; featureDescription: string }[] = [
  {
    featureName: 'BLOCK_AMZL',
    featureDescription:
      'Block Amazon Logistics: the order is never delivered by Amazon Logistics nor given an AMZL tracking number.',
  },
  { featureName: 'BLANK_BOX', featureDescription: 'Ship in unbranded (blank) packaging.' },
  {
    featureName: 'SIGNATURE_CONFIRMATION',
    featureDescription: 'The recipient must sign for the package (US only, extra fee).',
  },
  { featureName: 'PACKING_SLIP', featureDescription: 'Include a packing slip.' },
  { featureName: 'OVERBOX', featureDescription: 'Items are shipped in an overbox rather than their own packaging.' },
  { featureName: 'DELIVER_TOGETHER', featureDescription: 'All items are delivered together.' },
];

export const MCF_FEATURE_NAMES = MCF_FEATURES.map((f) => f.featureName);

export const US_SPEEDS = ['Standard', 'Expedited', 'Priority'] as const;
export type UsSpeed = (typeof US_SPEEDS)[number];

const HOUR = 3600 * 1000;

/** How long each step takes in the simulation, per speed: Standard leaves within about a day, faster speeds sooner. */
export const MCF_TIMELINE: Record<
  UsSpeed,
  { planning: number; processing: number; shipped: number; transitDays: number }
> = {
  Standard: { planning: 0.5 * HOUR, processing: 6 * HOUR, shipped: 24 * HOUR, transitDays: 4 },
  Expedited: { planning: 0.25 * HOUR, processing: 2 * HOUR, shipped: 8 * HOUR, transitDays: 2 },
  Priority: { planning: 0.1 * HOUR, processing: 1 * HOUR, shipped: 4 * HOUR, transitDays: 1 },
};

export const HOLD_AUTO_CANCEL_MS = 14 * 24 * HOUR;
export const MAX_LINES = 100;
export const MAX_UNITS = 250;
