/**
 * Identifiers. New entities get UUIDv7 (time-ordered, made offline on any device);
 * articles get an id derived from their canonical URL, so one link is one article everywhere.
 */
import { sha256 } from '@noble/hashes/sha2';
import { v7 } from 'uuid';
import { canonicalUrl } from './canonicalUrl';

/** 16 bytes of SHA-256: 128 bits, collision-free for any realistic catalogue. */
const ARTICLE_ID_BYTES = 16;
export const ARTICLE_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Article id for a URL: base64url of the first 16 bytes of SHA-256 of its canonical form. */
export function articleIdForUrl(url: string): string {
  const digest = sha256(new TextEncoder().encode(canonicalUrl(url)));
  return base64url(digest.subarray(0, ARTICLE_ID_BYTES));
}

export function newId(): string {
  return v7();
}

/** A random id for a device (used in HLCs, so it must match the HLC clientId pattern). */
export function newClientId(): string {
  return v7().replace(/-/g, '').slice(-16);
}
