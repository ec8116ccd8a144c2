import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, API_PREFIX, CurrentActor, PageRequest, pageOf, Roles } from '@chartuloba/platform';
import {
  AccountPageResponseDto,
  AccountRoleParamsDto,
  AccountResponseDto,
  AccountSearchQueryDto,
  AssistedAccountResponseDto,
  CreateAssistedAccountDto,
  RoleDto,
  toAccountResponse,
  VerifyResidencyDto,
} from '../dto/accounts.dto';
import { AccountsAdminService } from '../services/accounts-admin.service';

@ApiTags('admin: accounts')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/admin/accounts`)
@Roles('staff', 'admin')
export class AccountsAdminController {
  constructor(private readonly admin: AccountsAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Find accounts by name, e-mail or login name (staff)' })
  @ApiOkResponse({ type: AccountPageResponseDto })
  async search(
    @CurrentActor() actor: Actor,
    @Query() query: AccountSearchQueryDto,
  ): Promise<AccountPageResponseDto> {
    const { rows, total } = await this.admin.search(actor, query.q ?? '', query.page, query.pageSize);
    return pageOf(rows.map(toAccountResponse), query, total);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account (staff)' })
  @ApiOkResponse({ type: AccountResponseDto })
  async show(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AccountResponseDto> {
    return toAccountResponse(await this.admin.get(actor, id));
  }

  @Post(':id/roles')
  @HttpCode(200)
  @ApiOperation({ summary: 'Grant a role (staff: council_member, moderator; admin: any)' })
  @ApiOkResponse({ type: AccountResponseDto })
  async grant(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RoleDto,
  ): Promise<AccountResponseDto> {
    await this.admin.grantRole(actor, id, body.role);
    return toAccountResponse(await this.admin.get(actor, id));
  }

  @Delete(':id/roles/:role')
  @ApiOperation({ summary: 'Revoke a role' })
  @ApiOkResponse({ type: AccountResponseDto })
  async revoke(
    @CurrentActor() actor: Actor,
    @Param() params: AccountRoleParamsDto,
  ): Promise<AccountResponseDto> {
    await this.admin.revokeRole(actor, params.id, params.role);
    return toAccountResponse(await this.admin.get(actor, params.id));
  }

  @Post(':id/residency')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Record residency verified in person (the personal number is kept only as a keyed hash)',
  })
  @ApiNoContentResponse()
  async verifyResidency(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: VerifyResidencyDto,
  ): Promise<void> {
    await this.admin.verifyResidency(actor, id, body);
  }

  @Post('assisted')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create an account for a resident without e-mail; answers a one-time code' })
  @ApiCreatedResponse({ type: AssistedAccountResponseDto })
  async createAssisted(
    @CurrentActor() actor: Actor,
    @Body() body: CreateAssistedAccountDto,
    @Req() request: PageRequest,
  ): Promise<AssistedAccountResponseDto> {
    const { user, code } = await this.admin.createAssisted(actor, body.displayName, request.locale ?? 'ka');
    return { account: toAccountResponse({ user, residency: null }), code };
  }

  @Post(':id/code')
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue a new one-time code for an assisted account (the old one stops working)' })
  @ApiCreatedResponse({ type: AssistedAccountResponseDto })
  async reissueCode(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AssistedAccountResponseDto> {
    const { code } = await this.admin.reissueCode(actor, id);
    return { account: toAccountResponse(await this.admin.get(actor, id)), code };
  }
}
