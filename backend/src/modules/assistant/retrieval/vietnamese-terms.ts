import { foldVietnamese } from '../../../common/text/normalize';

/**
 * Question words and particles that say nothing about the topic ("làm sao", "thì", "ạ"). They are
 * dropped as single syllables but kept inside syllable pairs, where "bị lừa" still means something.
 */
const STOP = new Set(
  ('a ah ak ad ai1 anh ba ban bay biet bi bo cac cai can cach chi cho chu co con cua cung da dang day de den deu di do duoc em gi gio ha hay he hoi hok ho hu ja k ko khi khong kieu la lam len luc ma minh mot moi muon nay nao nen neu nha nhe nhi nhieu nhung nhu no nua o oi ong phai qua ra roi sao se sau sao tai the thi thoi thu tim toi tra trong tu va van vao vay ve vi voi vo xin ak a')
    .split(' '),
);

/**
 * Everyday and typed-in-a-hurry words mapped to the words the lessons use ("đt" → "điện thoại",
 * "đơ" → "treo", "ck" → "chuyển khoản"). Folded forms, whole words only; the original word is kept too.
 */
const EVERYDAY: [RegExp, string][] = ([
  ['dt|dth|dthoai|dien thoai', 'dien thoai'],
  ['sdt', 'so dien thoai'],
  ['dc|dk|duoc k', 'duoc'],
  ['stk', 'so tai khoan'],
  ['tk', 'tai khoan'],
  ['mk|pass|password|pw', 'mat khau'],
  ['ck|chuyen khoan|chuyen tien', 'chuyen khoan chuyen tien'],
  ['bank|nganhang', 'ngan hang'],
  ['cccd|cmnd|can cuoc|chung minh nhan dan|the can cuoc', 'can cuoc'],
  ['bhyt|bao hiem', 'bao hiem y te bhyt'],
  ['app|apps', 'ung dung'],
  ['mxh|fb|facebook|face|zalo|tiktok', 'mang xa hoi'],
  ['lag|giat|bi do|may do|thoai do|dt do|do qua|dung hinh|treo may', 'treo cham'],
  ['sap nguon|khong len nguon|tat nguon', 'khoi dong lai'],
  ['hack|hacker|bi hack', 'chiem tai khoan mat khau'],
  ['chatgpt|chat gpt|gpt|gemini|copilot|chatbot|bot', 'tro ly ai'],
  ['4g|3g|5g|data|du lieu di dong|mang di dong', 'du lieu di dong mang'],
  ['wi fi|wifi|wiffi|wf', 'wifi'],
  ['pdf', 'pdf tep'],
  ['scan', 'quet chup'],
  ['dvc|dich vu cong|cong dvc', 'dich vu cong'],
  ['vneid|vn eid|vneid|dinh danh|dd dien tu', 'vneid dinh danh dien tu'],
  ['otp|ma otp|ma xac thuc|ma xac nhan', 'otp ma xac thuc'],
  ['qr|ma qr|qrcode|qr code', 'ma qr'],
  ['link|duong dan', 'duong link'],
  ['ctv|viec nhe luong cao|lam nhiem vu', 'viec nhe luong cao nhiem vu'],
  ['cong an|cand', 'cong an'],
  ['doi mat|mat kem|mo mat|moi mat|nhuc mat|dau mat', 'mat bao ve mat 20-20-20'],
  ['mat ngu|kho ngu|thuc khuya', 'giac ngu'],
  ['nguoi gia|ong ba|bo me gia', 'nguoi cao tuoi'],
  ['con nit|tre con|con nho|chau nho', 'tre em'],
  ['usb|o cung|the nho', 'usb thiet bi'],
  ['email|mail|gmail|thu dien tu', 'thu dien tu email'],
  ['zoom|meet|teams|hop online', 'hop truc tuyen'],
  ['excel|sheet|gg sheet', 'bang tinh'],
  ['word|docs|gg docs', 'tai lieu chung'],
  ['drive|gg drive|onedrive|cloud|dam may', 'luu tru dam may'],
  ['token|usb ky so', 'token chu ky so'],
  ['python|code|lap trinh', 'lap trinh python'],
  ['bat nat|chui|noi xau|ne mia|quay roi', 'bat nat'],
  ['copy|sao chep|dao van', 'dao van sao chep'],
  ['tin gia|tin vit|fake news|tin don', 'tin gia'],
  ['thuoc than|than duoc|thuoc gia|tpcn', 'than duoc thuc pham chuc nang'],
  ['kham online|kham qua mang|bac si online', 'kham benh tu xa'],
  ['dang ky kham|lay so kham|hen kham', 'dat lich kham'],
] as const).map(([words, to]) => [new RegExp(`(?<![a-z0-9])(?:${words})(?![a-z0-9])`, 'g'), to]);

/** Folded text as syllables: lower case, no diacritics, letters and digits only. */
export function syllables(text: string): string[] {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean);
}

/** Folded text as phrases: punctuation becomes " . " so syllable pairs never straddle two sentences or list items. */
export function phrases(text: string): string {
  return foldVietnamese(text)
    .replace(/[.,;:!?()[\]"“”…\n]+/g, ' . ')
    .replace(/[^a-z0-9. ]+/g, ' ')
    .replace(/(?: *\. *)+/g, ' . ')
    .replace(/ +/g, ' ')
    .trim();
}

/** The folded question with everyday words expanded into the lessons' words. */
export function expandQuestion(question: string): string {
  let folded = syllables(question).join(' ');
  const additions: string[] = [];
  for (const [pattern, to] of EVERYDAY) {
    if (pattern.test(folded)) additions.push(to);
    pattern.lastIndex = 0;
  }
  if (additions.length > 0) folded = `${folded} . ${additions.join(' . ')}`;
  return folded;
}

/** Whether a single folded word has an everyday expansion ("chatgpt", "stk"). */
export const hasEverydayMeaning = (word: string): boolean => expandQuestion(word) !== word;

export const isStopSyllable = (s: string): boolean => STOP.has(s);

/**
 * Terms of a text: single syllables (not stop words) and adjacent syllable pairs ("bi_lua").
 * A "." in the text breaks pairs, so expansions do not pair with the question's words.
 */
export function terms(folded: string): { unigrams: string[]; pairs: string[] } {
  const unigrams: string[] = [];
  const pairs: string[] = [];
  for (const chunk of folded.split(' . ')) {
    const s = chunk.split(' ').filter((w) => w && w !== '.');
    s.forEach((w, i) => {
      if (!STOP.has(w)) unigrams.push(w);
      const next = s[i + 1];
      if (next && !(STOP.has(w) && STOP.has(next))) pairs.push(`${w}_${next}`);
    });
  }
  return { unigrams, pairs };
}

/**
 * A syllable typed in Telex without the keyboard converting it ("chuyeenr" → "chuyen", "ddien" → "dien"):
 * doubled vowels and "dd" collapse, a trailing tone key (s f r x j) and "w" go.
 */
export function fromTelex(s: string): string {
  return s.replace(/dd/g, 'd').replace(/aa|aw/g, 'a').replace(/ee/g, 'e').replace(/oo|ow/g, 'o').replace(/uw/g, 'u').replace(/w/g, '').replace(/([aeiouy][a-z]*)[sfrxj]$/, '$1');
}
