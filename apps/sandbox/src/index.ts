export { createSandbox, EASYPOST_TEST_KEY, type Sandbox, type SandboxOptions } from './sandbox';
export type { ParcelFault, ParcelFaultSpec } from './easypost/types';
export type { AccountCredentials, GenerateRequest } from './control/service';
export type { FaultSpec, Fault } from './faults/faults';
export type { GenerateOptions, OrderMix } from './generator/options';
export type { PackageEventType } from './control/package-events';
export { AMAZON_USAGE_PLANS, WALMART_LIMITS, type ThrottleOverrides } from './throttle/limits';
export { Random } from './random';
