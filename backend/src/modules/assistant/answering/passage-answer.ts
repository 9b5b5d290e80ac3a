import type { AssistantCitation } from '../entities/assistant-message.entity';
import type { PassageHit } from '../retrieval/passage-index.service';

/** How much of a passage is quoted: enough to answer, short enough to read on a phone. */
const QUOTE_CHARS = 320;

export const PASSAGES_INTRO = 'Đây là các đoạn trích từ bài học của nền tảng (không phải câu trả lời do máy viết). Bấm vào tên bài để đọc đầy đủ:';
export const NOTHING_FOUND =
  'Chưa có bài học nào trên nền tảng nói về điều bạn hỏi, nên trợ lý không đoán. Bạn có thể xem danh mục khóa học, ' +
  'hoặc nhờ Tổ công nghệ số cộng đồng ở thôn, tổ dân phố hay bộ phận một cửa của xã, phường hướng dẫn trực tiếp.';

/** The start of a passage, cut at the end of a sentence or line when one falls late enough. */
export function quote(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' · ').trim();
  if (flat.length <= QUOTE_CHARS) return flat;
  const cut = flat.slice(0, QUOTE_CHARS);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf(' · '));
  return `${end > QUOTE_CHARS / 2 ? cut.slice(0, end + 1).replace(/ ·$/, '') : cut.replace(/\s+\S*$/, '')} …`;
}

/** One to three passages, one per lesson (the best of each), with where to open them. */
export function citationsOf(hits: PassageHit[], max = 3): AssistantCitation[] {
  const seen = new Set<string>();
  const out: AssistantCitation[] = [];
  for (const h of hits) {
    if (seen.has(h.lessonId)) continue;
    // A much weaker passage is noise next to a strong one: stop rather than pad to three.
    if (out.length > 0 && h.score < hits[0]!.score * 0.45) break;
    seen.add(h.lessonId);
    out.push({ lessonId: h.lessonId, courseSlug: h.courseSlug, lessonSlug: h.lessonSlug, lessonTitle: h.lessonTitle, anchor: h.anchor, heading: h.heading, quote: quote(h.text) });
    if (out.length === max) break;
  }
  return out;
}
