import { Controller, Get, Param } from '@nestjs/common';
import type { NowNext } from '@plenum/contracts';
import { Public } from '@plenum/identity';
import { ProgrammeService } from './programme.service';

@Controller('events/:slug')
export class ProgrammeController {
  constructor(private readonly programme: ProgrammeService) {}

  @Public()
  @Get('now-next')
  nowNext(@Param('slug') slug: string): Promise<NowNext> {
    return this.programme.nowNext(slug);
  }
}
