import { AppError, ErrorCode } from 'src/common/errors/app-error';
import { LabelError, type LabelErrorCode } from './label-seller';

/** How each label refusal reaches the caller: the error code clients branch on; the message is the seller's words. */
const APP_CODES: Record<LabelErrorCode, ErrorCode> = {
  RATE_EXPIRED: ErrorCode.CONFLICT,
  PURCHASE_REFUSED: ErrorCode.CHANNEL_ERROR,
  ADDRESS_UNSERVICEABLE: ErrorCode.BAD_USER_INPUT,
  DOCUMENT_FAILED: ErrorCode.CHANNEL_ERROR,
  VOID_REFUSED: ErrorCode.CONFLICT,
  UNAVAILABLE: ErrorCode.CHANNEL_ERROR,
  NOT_CONFIGURED: ErrorCode.CONFLICT,
};

/** A LabelError as the API reports it (`extensions.labelError` keeps the label code); anything else unchanged. */
export function toAppError(err: unknown): unknown {
  if (!(err instanceof LabelError)) return err;
  return new AppError(APP_CODES[err.code], err.message, {
    labelError: err.code,
    ...(err.code === 'ADDRESS_UNSERVICEABLE' ? { field: 'shipTo' } : {}),
  });
}

/** Runs `work`, reporting a LabelError as the AppError the API answers with. */
export async function labelCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toAppError(err);
  }
}

/** The alert of a label bought whose shipment could not be recorded; resolved when the label is voided. */
export function labelNotRecordedKey(labelId: string): string {
  return `label-not-recorded:${labelId}`;
}

/** The alert of an interrupted void the recovery could not finish; resolved when the void is settled either way. */
export function labelVoidUnsettledKey(labelId: string): string {
  return `label-void-unsettled:${labelId}`;
}

/** An error's message when it was written for people; otherwise a pointer to the server log. */
export function wordsOf(err: unknown): string {
  return err instanceof AppError || err instanceof LabelError
    ? err.message
    : 'an unexpected error (the server log has it).';
}
