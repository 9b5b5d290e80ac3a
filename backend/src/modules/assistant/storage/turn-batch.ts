/**
 * Collects the calls made in one event-loop turn and hands them to `flush` together, as one database
 * round trip (the pattern of auth/session-lookups.ts). Under load a hundred concurrent questions cost a
 * few statements instead of a hundred; a lone call waits only until the end of its turn.
 */
export class TurnBatch<In, Out> {
  private waiting: { input: In; resolve: (out: Out) => void; reject: (err: unknown) => void }[] = [];

  /** `flush` answers the inputs in order, one output each. */
  constructor(private readonly flush: (inputs: In[]) => Promise<Out[]>) {}

  run(input: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => void this.send());
      this.waiting.push({ input, resolve, reject });
    });
  }

  private async send(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    try {
      const outs = await this.flush(batch.map((b) => b.input));
      batch.forEach((b, i) => b.resolve(outs[i]!));
    } catch (err) {
      for (const b of batch) b.reject(err);
    }
  }
}
