import { foldVietnamese } from './normalize';

/** The id of a lesson heading: folded, ASCII, hyphenated ("Khi lỡ bị lừa" → "khi-lo-bi-lua"). Shared by the page and the assistant's links. */
export function headingAnchor(heading: string): string {
  return foldVietnamese(heading).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
}
