import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JobQueue } from '../../../jobs/job-queue';
import { LessonsService } from '../lessons.service';
import { speechAvailable } from './speech';

export type LessonAudioStatus = { status: 'ready'; src: string } | { status: 'preparing' | 'unavailable'; src: null };

/**
 * A lesson's audio: made once per version of its words by the `lesson-audio` job, on the first
 * request (70 lessons read aloud up front would cost the server minutes of CPU for lessons nobody asked for).
 */
@Injectable()
export class LessonAudioService {
  /** Checked once: a server without espeak-ng says so, and the page offers the browser's voice only. */
  private readonly available = speechAvailable();

  constructor(
    private readonly dataSource: DataSource,
    private readonly lessons: LessonsService,
    private readonly jobs: JobQueue,
  ) {}

  async status(userId: string, courseSlug: string, lessonSlug: string): Promise<LessonAudioStatus> {
    const text = await this.lessons.spokenText(userId, courseSlug, lessonSlug);
    if (!this.available) return { status: 'unavailable', src: null };
    const textHash = createHash('sha256').update(text).digest('hex');
    const [stored] = await this.dataSource.query<unknown[]>('SELECT 1 FROM lesson_audio WHERE text_hash = $1', [textHash]);
    if (stored) return { status: 'ready', src: `/api/courses/${courseSlug}/lessons/${lessonSlug}/audio/${textHash}.mp3` };
    await this.jobs.enqueue('lesson-audio', { textHash, text }, `lesson-audio-${textHash}`);
    return { status: 'preparing', src: null };
  }

  /** The MP3, for a learner who may open the lesson; null when that version has none. */
  async file(userId: string, courseSlug: string, lessonSlug: string, textHash: string): Promise<Buffer | null> {
    await this.lessons.spokenText(userId, courseSlug, lessonSlug);
    const [row] = await this.dataSource.query<{ content: Buffer }[]>('SELECT content FROM lesson_audio WHERE text_hash = $1', [textHash]);
    return row?.content ?? null;
  }
}
