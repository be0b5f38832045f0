/** BLOCK stops the action; WARN is shown to the operator and the action may go ahead. */
export const Severity = {
  BLOCK: 'BLOCK',
  WARN: 'WARN',
} as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

/** One broken rule, as the api enforces it and the console shows it. */
export interface Violation {
  /** Stable SCREAMING_SNAKE code (`TRACKING_CHECK_DIGIT`); the catalogue in @order-hub/rules lists them all. */
  code: string;
  severity: Severity;
  /** Input path the violation concerns: `trackingNumber`, `lines[2].quantity`. */
  field: string;
  /** One plain sentence for the operator. */
  message: string;
  details?: Record<string, unknown>;
}
