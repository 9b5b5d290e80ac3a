import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type JobContext, JobHandler, type JobProcessor } from '../../../jobs/job-handler';
import { synthesise } from './speech';

/** Reads a lesson aloud and stores it under the hash of its words; a retried or doubled job stores it once. */
@Injectable()
@JobHandler('lesson-audio')
export class LessonAudioProcessor implements JobProcessor<'lesson-audio'> {
  private readonly logger = new Logger('LessonAudioProcessor');

  constructor(private readonly dataSource: DataSource) {}

  async process(job: JobContext<'lesson-audio'>): Promise<void> {
    const { textHash, text } = job.data;
    const [done] = await this.dataSource.query<unknown[]>('SELECT 1 FROM lesson_audio WHERE text_hash = $1', [textHash]);
    if (done) return;
    const mp3 = await synthesise(text);
    await this.dataSource.query('INSERT INTO lesson_audio (text_hash, content) VALUES ($1, $2) ON CONFLICT (text_hash) DO NOTHING', [textHash, mp3]);
    this.logger.log({ queue: job.queue, jobId: job.id, bytes: mp3.length }, 'Lesson audio stored');
  }
}
