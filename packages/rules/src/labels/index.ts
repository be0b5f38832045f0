export * from './label-carrier';
export * from './label-rates';
export * from './mark-label-rates';
export * from './walmart-shipment';
export * from './void-window';
export * from './parcel';
