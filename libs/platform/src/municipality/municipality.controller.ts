import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../auth/access';
import type { Actor } from '../http/request-context';
import { API_PREFIX } from '../http/api-prefix';
import { MunicipalityResponseDto, RecordVoterCountDto, VoterCountResponseDto } from './municipality.dto';
import { MunicipalityService, VoterCount } from './municipality.service';

function toVoterCountResponse(count: VoterCount): VoterCountResponseDto {
  return {
    registeredVoters: count.registeredVoters,
    asOf: count.asOf,
    source: count.source,
    recordedAt: count.recordedAt.toISOString(),
  };
}

@ApiTags('municipality')
@Controller(`${API_PREFIX}`)
export class MunicipalityController {
  constructor(private readonly municipalities: MunicipalityService) {}

  @Get('municipality')
  @Public()
  @ApiOperation({ summary: 'The municipality, its settlements and its registered-voter count' })
  @ApiOkResponse({ type: MunicipalityResponseDto })
  async show(): Promise<MunicipalityResponseDto> {
    const [municipality, settlements, voterCount] = await Promise.all([
      this.municipalities.current(),
      this.municipalities.settlements(),
      this.municipalities.latestVoterCount(),
    ]);
    return {
      id: municipality.id,
      slug: municipality.slug,
      name: municipality.name,
      settlements,
      voterCount: voterCount ? toVoterCountResponse(voterCount) : null,
    };
  }

  @Post('admin/municipality/voter-counts')
  @HttpCode(201)
  @Roles('staff', 'admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Record the registered-voter count (staff): the basis of petition thresholds' })
  @ApiOkResponse({ type: VoterCountResponseDto })
  async recordVoterCount(
    @Body() body: RecordVoterCountDto,
    @CurrentActor() actor: Actor,
  ): Promise<VoterCountResponseDto> {
    return toVoterCountResponse(await this.municipalities.recordVoterCount(body, actor));
  }
}
