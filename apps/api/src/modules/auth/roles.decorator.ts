import { SetMetadata } from '@nestjs/common';
import type { ApiRole } from '@order-hub/types';

export const REQUIRED_ROLE = 'requiredRole';
export const PUBLIC_OPERATION = 'publicOperation';

/** The least role a token needs; operations without it need VIEWER. */
export const RequireRole = (role: ApiRole) => SetMetadata(REQUIRED_ROLE, role);

/** Reachable without a token (only `health`). */
export const Public = () => SetMetadata(PUBLIC_OPERATION, true);

export const BEFORE_SECOND_FACTOR = 'allowBeforeSecondFactor';

/**
 * Reachable by a session still owing its second factor (MFA_REQUIRED, MFA_ENROLMENT_REQUIRED): `me` and MFA
 * enrolment. Every other operation refuses such a session with MFA_REQUIRED.
 */
export const AllowBeforeSecondFactor = () => SetMetadata(BEFORE_SECOND_FACTOR, true);
