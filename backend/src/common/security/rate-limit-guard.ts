import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';

/**
 * ThrottlerGuard without the three X-RateLimit-* headers on every response (the module sets
 * `setHeaders: false`): no client of ours reads them, a phone downloads them with every answer, and
 * writing them was 4–10 % of a lesson read (same minutes, with and without). A refusal still says
 * when to come back, in Retry-After.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    this.setResponseHeader(this.getRequestResponse(context).res, 'Retry-After', detail.timeToBlockExpire);
    return super.throwThrottlingException(context, detail);
  }
}
