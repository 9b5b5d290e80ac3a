import { identityLine } from '../pdf/certificate-pdf';
import type { CompletionRecord } from '../entities/completion-record.entity';

export type CredentialContext = {
  publicUrl: string;
  issuerName: string;
  frameworkVersion: string;
  frameworkTitle: string;
  targetGroupName: string;
  levelName: (level: number) => string;
};

export const verifyUrl = (publicUrl: string, code: string) => `${publicUrl}/verify/${code}`;

/**
 * The record as an Open Badges 3.0 OpenBadgeCredential (W3C VC data model 2.0), in the VC-JWT form
 * of OB 3.0 §8.2: the credential's members at the top of the JWT payload, with iss, jti, nbf and
 * sub beside them. The holder is named in plain text (an unhashed IdentityObject): the credential
 * is given to the holder, who decides whom to show it to.
 */
export function openBadgeCredential(record: CompletionRecord, ctx: CredentialContext): Record<string, unknown> {
  const issuerId = `${ctx.publicUrl}/api/issuer`;
  const id = verifyUrl(ctx.publicUrl, record.code);
  const subjectId = `urn:uuid:${record.userId}`;
  const issued = record.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Xác nhận hoàn thành mức độ phổ cập kỹ năng số',
    issuer: { id: issuerId, type: ['Profile'], name: ctx.issuerName, url: ctx.publicUrl },
    validFrom: issued,
    credentialSubject: {
      id: subjectId,
      type: ['AchievementSubject'],
      identifier: record.holderName ? [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: record.holderName }] : [],
      achievement: {
        id: `urn:bdhvs:achievement:${ctx.frameworkVersion}:${record.targetGroup}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: `Xác nhận hoàn thành mức độ phổ cập kỹ năng số – ${ctx.targetGroupName}`,
        description: `Hoàn thành mức độ phổ cập kỹ năng số theo ${ctx.frameworkTitle}, nhóm đối tượng: ${ctx.targetGroupName}.`,
        criteria: { narrative: 'Đạt chính sách xác nhận của nền tảng: bài tự đánh giá năng lực số (tự đánh giá và câu hỏi kiến thức) và các khóa học bắt buộc.' },
        alignment: record.competencies.map((c) => ({
          type: ['Alignment'],
          targetType: 'CFItem',
          targetCode: c.code,
          targetName: c.name,
          targetFramework: ctx.frameworkTitle,
          targetUrl: `${ctx.publicUrl}/api/framework`,
        })),
      },
      result: [
        { type: ['Result'], value: ctx.levelName(record.overallLevel) },
        ...record.competencies.map((c) => ({ type: ['Result'], value: `${c.code}: ${ctx.levelName(c.level)}` })),
      ],
    },
    // OB 3.0 Evidence: how the holder's identity was established, when an identity provider vouched for it.
    ...(record.holderIdentityVerifiedBy
      ? { evidence: [{ type: ['Evidence'], name: 'Xác thực danh tính', description: identityLine(record.holderIdentityVerifiedBy) }] }
      : {}),
    iss: issuerId,
    jti: id,
    sub: subjectId,
    nbf: Math.floor(record.issuedAt.getTime() / 1000),
  };
}
