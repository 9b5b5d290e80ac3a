import path from 'node:path';
import { foldVietnamese } from '../../../common/text/normalize';
import { REPO_ROOT } from '../../../config/config';
import { readContent } from '../../content/files/content-reader';
import { PassageRanker, type IndexedPassage, topIndices } from './passage-ranker';
import { splitLesson } from './passage-splitter';
import { lessonOrder, readQuestionSet, recallAt } from './question-set';

/** The shipped lessons as the index holds them (folded here as vn_unaccent() folds them in SQL). */
async function shippedPassages(): Promise<IndexedPassage[]> {
  const content = await readContent(path.join(REPO_ROOT, 'content'));
  return content.courses.flatMap((c) =>
    c.lessons.flatMap((l) =>
      splitLesson(l.title, l.body).map((p) => ({
        id: `${c.slug}/${l.slug}#${p.anchor}`,
        lessonId: `${c.slug}/${l.slug}`,
        heading: foldVietnamese(p.heading),
        folded: foldVietnamese(p.text),
        lessonFolded: foldVietnamese(`${l.title} . ${c.title}`),
      })),
    ),
  );
}

describe('PassageRanker', () => {
  let ranker: PassageRanker;
  beforeAll(async () => {
    ranker = new PassageRanker(await shippedPassages());
  });

  it('finds the same lesson whether the question is typed with diacritics, without, in raw Telex or with a typo', () => {
    const lessons = (q: string) => ranker.rank(q, 3).map((r) => r.lessonId);
    const typedWell = lessons('Chuyển nhầm tiền cho người khác, lấy lại thế nào?');
    expect(typedWell).toContain('thanh-toan-so-an-toan/05-khi-chuyen-nham-hoac-bi-lua');
    expect(lessons('chuyen nham tien cho nguoi khac lay lai the nao')).toEqual(typedWell);
    expect(lessons('chuyeenr nhaamf tieenf cho nguoiw khacs laays laij')).toEqual(typedWell);
    expect(lessons('chuyen nhamm tien cho nguoi khac lay lai')).toContain('thanh-toan-so-an-toan/05-khi-chuyen-nham-hoac-bi-lua');
  });

  it('reads everyday words as the lessons say them', () => {
    expect(ranker.rank('dt bi do', 3).map((r) => r.lessonId)).toContain('dien-thoai-thong-minh-lan-dau/05-tu-xu-ly-truc-trac');
  });

  it('has little evidence for a question the lessons do not speak of, and much for one they answer', () => {
    expect(ranker.rank('giá vàng hôm nay bao nhiêu', 1)[0]?.evidence ?? 0).toBeLessThan(0.5);
    expect(ranker.rank('cach nau bun bo hue', 1)[0]?.evidence ?? 0).toBeLessThan(0.5);
    expect(ranker.rank('lỡ bấm link lạ', 1)[0]!.evidence).toBeGreaterThanOrEqual(0.5);
  });

  it('returns nothing for a question made only of question words', () => {
    expect(ranker.rank('làm sao thế nào vậy ạ')).toEqual([]);
  });

  it('ranks the answering lesson first for most of the question set (the floor in bench/assistant/README.md)', () => {
    const set = readQuestionSet(REPO_ROOT);
    const results = set.map((q) => ({ question: q.question, expected: q.lessons, ranked: lessonOrder(ranker.rank(q.question, 30).map((r) => r.lessonId)) }));
    const r1 = recallAt(results, 1);
    const r3 = recallAt(results, 3);
    if (process.env.SHOW_MISSES) {
      for (const r of results.filter((x) => !x.ranked.slice(0, 1).some((l) => x.expected.includes(l)))) {
        console.log(`${r.question}\n  want ${r.expected.join(' ')}\n  got  ${r.ranked.slice(0, 3).join(' ')}`);
      }
      console.log({ r1, r3, n: set.length });
    }
    expect(set.length).toBeGreaterThanOrEqual(150);
    expect(r1).toBeGreaterThanOrEqual(0.85);
    expect(r3).toBeGreaterThanOrEqual(0.95);
  });
});

describe('topIndices', () => {
  it('keeps the best positive scores, best first, ties in index order, as a full sort would', () => {
    const scores = Float64Array.from([0, 3, 1, 3, 0.5, 7, 0, 2, 3]);
    expect(topIndices(scores, 4)).toEqual([5, 1, 3, 8]);
    expect(topIndices(scores, 1)).toEqual([5]);
    expect(topIndices(scores, 0)).toEqual([]);
    const random = Float64Array.from({ length: 500 }, (_, i) => ((i * 7919) % 101) / 10 - 2);
    const sorted = [...random.keys()].filter((i) => random[i]! > 0).sort((a, b) => random[b]! - random[a]!);
    for (const limit of [1, 8, 20, 63, 64, 300]) expect(topIndices(random, limit)).toEqual(sorted.slice(0, limit));
  });
});
