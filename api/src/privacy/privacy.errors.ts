import { badInput, forbidden, notFound } from '../common/errors';
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS } from '@lmr/domain';

/**
 * The privacy module's refusals. Codes come from @lmr/domain; `field` and `reason` let the
 * portal say which input is wrong in the reader's language.
 */
export const pupilNotFound = () => notFound('pupil');
export const nominationNotFound = () => notFound('nomination');
export const schoolNotFound = () => notFound('school');

export const onlyAdminsDelete = () => forbidden("only an admin of the pupil's museum deletes a pupil");

export const retentionOutOfRange = () =>
  badInput('months', `keep data for ${MIN_RETENTION_MONTHS} to ${MAX_RETENTION_MONTHS} whole months`, {
    reason: 'RETENTION_OUT_OF_RANGE',
    min: MIN_RETENTION_MONTHS,
    max: MAX_RETENTION_MONTHS,
  });

/** Deleting asks for the pupil's name typed again: a slip of the mouse must not delete a child's work. */
export const confirmationMismatch = () => badInput('confirmName', "the name typed does not match the pupil's name", { reason: 'CONFIRMATION_MISMATCH' });

export const noteTooLong = (max: number) => badInput('note', `the note has at most ${max} characters`, { reason: 'NOTE_TOO_LONG', max });
