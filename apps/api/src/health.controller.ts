import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { FastifyReply } from 'fastify';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { Health, HealthService } from '@plenum/contracts';
import { Public } from '@plenum/identity';
import { ProcessFaults, REDIS } from '@plenum/platform';
import { HealthDto } from './health.dto';

const CHECK_TIMEOUT_MS = 2000;

async function timed(check: () => Promise<unknown>): Promise<Health['checks']['postgres']> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly processFaults: ProcessFaults,
  ) {}

  @Public()
  @Get()
  @ZodResponse({ status: 200, type: HealthDto, description: 'PostgreSQL and Redis answer' })
  @ApiResponse({
    status: 503,
    type: HealthDto,
    description: 'Names in `down` what does not answer',
  })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Health> {
    const [postgres, redis] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1')),
      timed(() => this.redis.ping()),
    ]);
    const checks = { postgres, redis };
    const down = (Object.keys(checks) as HealthService[]).filter((name) => !checks[name].ok);
    void reply.status(down.length === 0 ? 200 : 503).header('Cache-Control', 'no-store');
    return {
      status: down.length === 0 ? 'ok' : 'unavailable',
      down,
      checks,
      faults: this.faults(),
    };
  }

  private faults(): NonNullable<Health['faults']> {
    const totals = this.processFaults.totals();
    const last = (['emit-failed', 'unhandled-rejection'] as const)
      .map((kind) => this.processFaults.lastAt(kind))
      .filter((at): at is Date => at !== null)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    return {
      emitFailed: totals['emit-failed'],
      unhandledRejections: totals['unhandled-rejection'],
      lastAt: last?.toISOString() ?? null,
    };
  }
}
