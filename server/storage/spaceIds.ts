/** Sync scopes (protocol.md, "Data model"): a user's own data lives in the space `u:<userId>`. */
export function userSpaceId(userId: string): string {
  return `u:${userId}`;
}
