import type { RejectedWrite } from '../../sync';

/** Readable words for the push's machine-readable rejection reasons (server/sync, checkMutation). */
const REASONS: Readonly<Record<string, string>> = {
  unknown_article: 'the article is no longer in the catalogue',
  invalid_mutation: 'the server refused the change as malformed',
  hlc_client_mismatch: 'the server refused a change stamped by another device',
};

/** "Couldn't save “Title”: <reason>" for a write the server refused (and the device rolled back). */
export function rejectionMessage(rejected: RejectedWrite): string {
  const action = rejected.entry.args.saved === false ? 'remove' : 'save';
  const reason = REASONS[rejected.reason] ?? rejected.reason.replace(/_/g, ' ');
  return `Couldn't ${action} “${rejected.title ?? 'an article'}”: ${reason}`;
}
