import { HttpStatus, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { fieldError, notFound } from '../../common/errors/app-exception';
import type { Principal } from '../auth/decorators';
import { ContentChecksService } from '../content/content-checks.service';
import { MEDIA_FILE } from '../content/files/course-reader';
import type { StudioMediaDto } from './dto/studio.dto';
import { StudioMedia } from './entities/studio-content.entity';
import { StudioAccessService } from './studio-access.service';
import { STUDIO_LIMITS } from './studio-folder';
import { StudioErrors } from './studio.errors';
import { mediaDto } from './studio.mappers';

const MAX_MEDIA = 300;

/**
 * A draft's media, checked by their bytes with the content checks (allowed type, bytes matching
 * the name, size per kind, nothing that can run in an SVG) and served only to the people who may
 * see the draft, inert: exact type, `nosniff`, a sandboxing CSP, and a download for anything that
 * is not a picture, a sound or a film.
 */
@Injectable()
export class StudioMediaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: StudioAccessService,
    private readonly checks: ContentChecksService,
  ) {}

  async upload(p: Principal, id: string, name: string, alt: string | null, bytes: Buffer): Promise<StudioMediaDto> {
    if (!MEDIA_FILE.test(name)) throw fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'name', 'name must be letters, digits, ".", "-" and "_"');
    const verdict = this.checks.validateMediaFile(bytes, name, STUDIO_LIMITS);
    if (!verdict.kind || verdict.problems.length) throw StudioErrors.mediaRefused(verdict.problems.map((x) => x.message).join('; '));
    const text = alt?.trim() || null;
    if ((verdict.kind === 'image' || verdict.kind === 'svg') && !text) throw fieldError(HttpStatus.UNPROCESSABLE_ENTITY, 'ALT_REQUIRED', 'alt', 'an image needs an alternative text (alt)');
    const saved = await this.dataSource.transaction(async (em) => {
      await this.access.open(p, id, 'edit', em);
      // The course's row lock makes the sums below exact under concurrent uploads.
      await em.query('SELECT 1 FROM studio_courses WHERE id = $1 FOR UPDATE', [id]);
      const [{ files, bytes: total }] = (await em.query(
        'SELECT count(*)::int AS files, coalesce(sum(size), 0)::bigint AS bytes FROM studio_media WHERE course_id = $1 AND name <> $2',
        [id, name],
      )) as [{ files: number; bytes: string }];
      if (files + 1 > MAX_MEDIA) throw StudioErrors.tooMuch('file', `a course has at most ${MAX_MEDIA} media files`);
      if (Number(total) + bytes.length > STUDIO_LIMITS.courseBytes) throw StudioErrors.tooMuch('file', `a course's media may be at most ${STUDIO_LIMITS.courseBytes} bytes together`);
      await em.createQueryBuilder().insert().into(StudioMedia)
        .values({ courseId: id, name, kind: verdict.kind!, mime: verdict.mime!, size: bytes.length, digest: createHash('sha256').update(bytes).digest('hex'), alt: text, bytes, uploadedById: p.userId })
        .orUpdate(['kind', 'mime', 'size', 'digest', 'alt', 'bytes', 'uploaded_by_id', 'updated_at'], ['course_id', 'name'])
        .execute();
      await this.access.edited(em, id);
      return em.getRepository(StudioMedia).findOneByOrFail({ courseId: id, name });
    });
    return mediaDto(id, saved);
  }

  async open(p: Principal, id: string, name: string): Promise<{ headers: Record<string, string>; bytes: Buffer }> {
    await this.access.open(p, id);
    const [row] = (await this.dataSource.query(
      'SELECT kind, mime, digest, bytes FROM studio_media WHERE course_id = $1 AND name = $2',
      [id, name],
    )) as { kind: string; mime: string; digest: string; bytes: Buffer }[];
    if (!row) throw notFound('File');
    const inline = row.kind === 'image' || row.kind === 'audio' || row.kind === 'video';
    return {
      bytes: row.bytes,
      headers: {
        'content-type': row.mime,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        'cross-origin-resource-policy': 'same-origin',
        'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${name}"`,
        // A draft's file changes under the same name: always asked again, answered from the digest.
        'cache-control': 'private, no-cache',
        etag: `"${row.digest}"`,
      },
    };
  }

  async remove(p: Principal, id: string, name: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await this.access.open(p, id, 'edit', em);
      const gone = await em.getRepository(StudioMedia).delete({ courseId: id, name });
      if (!gone.affected) throw notFound('File');
      await this.access.edited(em, id);
    });
  }
}
