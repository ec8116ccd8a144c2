import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HomeSections, PageRenderer, PageRequest, Public } from '@chartuloba/platform';
import { HomePage } from './home.page';

@ApiExcludeController()
@Controller()
export class HomeController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sections: HomeSections,
  ) {}

  @Get()
  @Public()
  async home(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.pages.send(request, reply, async (ctx) =>
      HomePage({ ctx, sections: await this.sections.render(ctx) }),
    );
  }
}
