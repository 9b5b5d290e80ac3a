import type { CohortPersonDto, CohortReportDto, MeasuresDto } from '../dto/cohort.dto';
import type { CommunityMeasuresDto, CommunityRowDto } from '../dto/community-report.dto';
import type { Table } from './table-files';

/** The tables of the dashboard and the person list, with Vietnamese headers, as the screen shows them. */
const GROUPS: Record<string, string> = {
  public_servant: 'Cán bộ, công chức, viên chức',
  student: 'Học sinh, sinh viên',
  worker: 'Người lao động trong doanh nghiệp, hợp tác xã',
  citizen: 'Người dân',
};
const MEASURES: [keyof MeasuresDto, string][] = [
  ['registered', 'Đã đăng ký'],
  ['enrolled', 'Lượt ghi danh'],
  ['active', 'Người học hoạt động (cộng theo tháng)'],
  ['lessonsCompleted', 'Bài học đã hoàn thành'],
  ['quizzesPassed', 'Bài kiểm tra đạt'],
  ['coursesCompleted', 'Khóa học đã hoàn thành'],
  ['completionRate', 'Tỷ lệ hoàn thành khóa học (%)'],
  ['selfAssessments', 'Lượt tự đánh giá'],
  ['averageScore', 'Điểm tự đánh giá trung bình'],
  ['recordsIssued', 'Giấy xác nhận đã cấp'],
  ['recordHolders', 'Người có giấy xác nhận'],
  ['recordShare', 'Tỷ lệ có giấy xác nhận (%)'],
];

/** A suppressed count reads as on the screen ("dưới 5"); a figure that does not apply is left empty. */
const cell = (m: MeasuresDto, k: keyof MeasuresDto, minCount: number, applies = true) => (m[k] === null ? (applies ? `dưới ${minCount}` : null) : m[k]);
const isCount = (k: keyof MeasuresDto) => !['completionRate', 'recordShare', 'averageScore'].includes(k);
const value = (m: MeasuresDto, k: keyof MeasuresDto, n: number) => (isCount(k) ? cell(m, k, n) : m[k]);

export function cohortTables(r: Pick<CohortReportDto, 'total' | 'children' | 'groups' | 'minCount'> & Partial<Pick<CohortReportDto, 'months'>>, place: string): Table[] {
  const n = r.minCount;
  const tables: Table[] = [
    { title: 'Tổng hợp', header: ['Chỉ số', place], rows: MEASURES.map(([k, label]) => [label, value(r.total.measures, k, n)]) },
  ];
  if (r.children.length) {
    tables.push({
      title: 'Đơn vị',
      header: ['Đơn vị', ...MEASURES.map(([, label]) => label), 'Chỉ tiêu (người)', 'Đạt chỉ tiêu (%)', 'Chậm tiến độ'],
      rows: r.children.map((c) => [c.unit.name, ...MEASURES.map(([k]) => value(c.measures, k, n)), c.target?.targetCount ?? null, c.target?.percent ?? null, c.target ? (c.target.behind ? 'Có' : 'Không') : null]),
    });
  }
  tables.push({ title: 'Nhóm đối tượng', header: ['Nhóm đối tượng', ...MEASURES.map(([, label]) => label)], rows: r.groups.map((g) => [GROUPS[g.targetGroup] ?? g.targetGroup, ...MEASURES.map(([k]) => value(g.measures, k, n))]) });
  if (r.months) {
    const c = (v: number | null) => (v === null ? `dưới ${n}` : v);
    tables.push({ title: 'Theo tháng', header: ['Tháng', 'Lượt ghi danh', 'Khóa học đã hoàn thành', 'Người học hoạt động', 'Giấy xác nhận đã cấp'], rows: r.months.map((m) => [m.month, c(m.enrolled), c(m.coursesCompleted), c(m.active), c(m.recordsIssued)]) });
  }
  return tables;
}

const COMMUNITY: [keyof CommunityMeasuresDto, string][] = [
  ['teamMembers', 'Thành viên Tổ công nghệ số'],
  ['residentsRegistered', 'Người dân được Tổ đăng ký'],
  ['visits', 'Lần thăm hộ gia đình'],
  ['peopleHelped', 'Người được hỗ trợ khi thăm'],
  ['ambassadors', 'Đại sứ số'],
  ['mentees', 'Người được đại sứ hướng dẫn'],
  ['menteesWithRecord', 'Người được hướng dẫn đã có giấy xác nhận'],
  ['households', 'Gia đình'],
  ['digitalHouseholds', 'Gia đình số'],
  ['verifiedIdentities', 'Người đã xác thực định danh điện tử'],
];
const PLACE_ONLY: (keyof CommunityMeasuresDto)[] = ['visits', 'peopleHelped', 'households', 'digitalHouseholds'];

/** What a null community figure means under a query: suppressed (a small count), or a measure the filters do not apply to. */
export function communityApplies(q: { courseId?: string; frameworkVersion?: string; targetGroup?: string; organisationId?: string; ageBand?: number }) {
  const none = Boolean(q.courseId || q.frameworkVersion);
  const placeOnly = !none && !q.targetGroup && !q.organisationId && q.ageBand === undefined;
  return (k: keyof CommunityMeasuresDto) => (PLACE_ONLY.includes(k) ? placeOnly : !none);
}

/** The community measures (issue 19), labelled as on the screen: the whole, then one row per unit below. */
export function communityTables(
  r: { total: CommunityMeasuresDto | null; children: CommunityRowDto[]; minCount: number },
  place: string,
  applies: (k: keyof CommunityMeasuresDto) => boolean = () => true,
): Table[] {
  const v = (m: CommunityMeasuresDto, k: keyof CommunityMeasuresDto) => (m[k] === null ? (applies(k) ? `dưới ${r.minCount}` : null) : m[k]);
  const tables: Table[] = [];
  if (r.total) tables.push({ title: 'Cộng đồng số', header: ['Chỉ số', place], rows: COMMUNITY.map(([k, label]) => [label, v(r.total!, k)]) });
  if (r.children.length) {
    tables.push({ title: 'Cộng đồng số theo đơn vị', header: ['Đơn vị', ...COMMUNITY.map(([, label]) => label)], rows: r.children.map((c) => [c.unit.name, ...COMMUNITY.map(([k]) => v(c.measures, k))]) });
  }
  return tables;
}

export const PEOPLE_TITLE = 'Người học';
export const PEOPLE_HEADER = ['Họ và tên', 'Địa bàn', 'Nhóm đối tượng', 'Khóa học đã ghi danh', 'Khóa học đã hoàn thành', 'Bài học đã hoàn thành', 'Có giấy xác nhận', 'Hoạt động gần nhất'];

export function peopleRows(people: CohortPersonDto[]): Table['rows'] {
  return people.map((p) => [p.fullName, p.unitName, GROUPS[p.targetGroup] ?? p.targetGroup, p.enrolled, p.coursesCompleted, p.lessonsCompleted, p.holdsRecord ? 'Có' : 'Chưa', p.lastActiveAt]);
}
