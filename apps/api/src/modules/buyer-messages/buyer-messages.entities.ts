import { BuyerMessageEntity } from './buyer-message.entity';

/** The entities this module owns (listed in src/database/entities.ts). */
export const BUYER_MESSAGE_ENTITIES: (new () => object)[] = [BuyerMessageEntity];
