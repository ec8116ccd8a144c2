import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  Actor,
  CurrentActor,
  I18nService,
  MunicipalityService,
  PageRenderer,
  PageRequest,
  pickText,
  Public,
} from '@chartuloba/platform';
import { PetitionsService } from '../services/petitions.service';
import { SigningService } from '../services/signing.service';
import { CertificatePage } from './certificate.pages';

/** A registered petition's certificate: its number, date and signatures, printable. */
@ApiExcludeController()
@Controller('petitions')
export class PetitionsCertificatePagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly i18n: I18nService,
    private readonly petitions: PetitionsService,
    private readonly signing: SigningService,
    private readonly municipalities: MunicipalityService,
  ) {}

  @Get(':id/certificate')
  @Public()
  async certificate(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @CurrentActor() actor?: Actor,
  ): Promise<void> {
    const petition = await this.petitions.get(actor, id);
    const count = await this.signing.exactCount(id);
    const locale = request.locale ?? this.i18n.defaultLocale;
    const municipality = await this.municipalities
      .current()
      .then((m) => pickText(m.name, locale))
      .catch(() => '');
    await this.pages.send(request, reply, (ctx) =>
      CertificatePage({ ctx, petition, count: count.counted, municipality }),
    );
  }
}
