import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PageRenderer, PageRequest, Public } from '@chartuloba/platform';
import { HomePage } from './home.page';

@ApiExcludeController()
@Controller()
export class HomeController {
  constructor(private readonly pages: PageRenderer) {}

  @Get()
  @Public()
  async home(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.pages.send(request, reply, (ctx) => HomePage({ ctx }));
  }
}
