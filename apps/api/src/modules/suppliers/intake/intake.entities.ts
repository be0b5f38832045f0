import { TrackingIntakeEntity } from './tracking-intake.entity';

/** The entities this module owns (listed in src/database/entities.ts). */
export const INTAKE_ENTITIES: (new () => object)[] = [TrackingIntakeEntity];
