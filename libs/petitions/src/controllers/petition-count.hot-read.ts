import { Injectable, OnModuleInit } from '@nestjs/common';
import { API_PREFIX, HotReads } from '@chartuloba/platform';
import { toSignatureCountResponse } from '../dto/petitions.dto';
import { SigningService } from '../services/signing.service';

const COUNT_PATH = new RegExp(
  `^/${API_PREFIX}/petitions/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/count$`,
);

/**
 * `GET /api/v1/petitions/:id/count` from memory ahead of the Nest pipeline: during a surge everyone
 * watching a petition polls it. Same answer as PetitionsController.count; a petition that is not public
 * falls through to it for the 404.
 */
@Injectable()
export class PetitionCountHotRead implements OnModuleInit {
  constructor(
    private readonly hotReads: HotReads,
    private readonly signing: SigningService,
  ) {}

  onModuleInit(): void {
    this.hotReads.register(COUNT_PATH, async ([id]) => {
      const count = toSignatureCountResponse(await this.signing.count(id ?? ''));
      return count ? JSON.stringify(count) : undefined;
    });
  }
}
