export * from './extract-tracking';
export * from './find-order-references';
export * from './mail-text';
export * from './classify-channel-mail';
export * from './buyer-message-clock';
export * from './seller-response-rate';
