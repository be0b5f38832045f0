/**
 * Product categories of the sandbox's SKUs, by SKU prefix (KTC-WB32, KTC-WB32-V2…), as a seller would map them
 * for Amazon's per-category valid tracking rate. Bedding and bath go with Home, as on Amazon's category list.
 */
export const DEMO_CATEGORY_BY_SKU_PREFIX: Readonly<Record<string, string>> = {
  KTC: 'Kitchen',
  ELC: 'Electronics',
  APP: 'Clothing',
  HOM: 'Home',
  BED: 'Home',
  BTH: 'Home',
  SPT: 'Sports & Outdoors',
  KID: 'Baby & Kids',
  GDN: 'Garden',
  PET: 'Pet Supplies',
  AUT: 'Automotive',
  ART: 'Arts & Crafts',
};
