import { HttpStatus } from '@nestjs/common';
import { AppException, fieldError } from '../errors/app-exception';

/** No body the app sends nests deeper than this; deeper ones only exist to exhaust the validator's stack. */
export const MAX_JSON_DEPTH = 32;

/** Whether JSON text nests arrays and objects deeper than `max`: one pass, strings skipped. */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** The path of the first string (key or value) holding U+0000, which PostgreSQL text cannot store; null if none. */
export function nulFieldOf(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\0') ? path || 'body' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (key.includes('\0')) return childPath;
    const found = nulFieldOf(child, childPath);
    if (found) return found;
  }
  return null;
}

/** Parses a JSON body, refusing what would otherwise reach the handlers as a 500. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw new AppException(HttpStatus.BAD_REQUEST, 'JSON_TOO_DEEP', `The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppException(HttpStatus.BAD_REQUEST, 'INVALID_JSON', 'The request body is not valid JSON');
  }
  // A NUL can only arrive escaped (JSON forbids raw control characters), so most bodies skip the walk.
  const field = /\\u0000/i.test(text) ? nulFieldOf(body) : null;
  if (field) throw invalidCharacter(field);
  return body;
}

/**
 * The error for a URL whose path or query carries an encoded NUL, naming the query parameter (or
 * `path`); undefined for any other URL. Only URLs with `%00` pay for more than one search.
 */
export function nulInUrl(url: string): AppException | undefined {
  if (!/%00/.test(url)) return undefined;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (path.includes('%00')) return invalidCharacter('path');
  for (const [key, value] of new URLSearchParams(url.slice(q + 1))) {
    if (key.includes('\0') || value.includes('\0')) return invalidCharacter(key.replace(/\0/g, '') || 'query');
  }
  return undefined;
}

const invalidCharacter = (field: string) =>
  fieldError(HttpStatus.BAD_REQUEST, 'INVALID_CHARACTER', field, `${field} must not contain the NUL character`);
