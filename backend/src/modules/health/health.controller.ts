import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '../../common/redis/redis';
import { Public } from '../auth/decorators';

class HealthDto {
  @ApiProperty({ example: 'ok' }) status: string;
}

class ReadinessDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status: 'ok' | 'unavailable';
  @ApiProperty({ example: { database: 'ok', redis: 'ok' } }) checks: Record<string, string>;
}

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  /** Liveness: the process answers. */
  @Get('health')
  @ApiOkResponse({ type: HealthDto })
  health(): HealthDto {
    return { status: 'ok' };
  }

  /** Readiness: the database and, when configured, Redis answer; a load balancer sends no traffic otherwise. */
  @Get('ready')
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({ type: ReadinessDto })
  async ready(@Res({ passthrough: true }) res: FastifyReply): Promise<ReadinessDto> {
    const checks: Record<string, string> = {};
    checks.database = await this.dataSource.query('SELECT 1').then(() => 'ok', () => 'unavailable');
    if (this.redis) checks.redis = await this.redis.ping().then(() => 'ok', () => 'unavailable');
    else checks.redis = 'not configured (in-process jobs)';
    const ok = Object.values(checks).every((c) => c !== 'unavailable');
    if (!ok) res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }
}
