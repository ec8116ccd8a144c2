import { Body, Controller, Get, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Actor, API_PREFIX, CurrentActor, PageRequest, Public } from '@chartuloba/platform';
import { AccountResponseDto, toAccountResponse } from '../dto/accounts.dto';
import {
  ChangePasswordDto,
  RegisterDto,
  RequestPasswordResetDto,
  ResetPasswordDto,
  SignInDto,
  TokenResponseDto,
  VerifyEmailDto,
} from '../dto/auth.dto';
import { AccountsService } from '../services/accounts.service';
import { BearerClaims, SessionsService } from '../services/sessions.service';
import { SignInService } from '../services/sign-in.service';

/** Per IP, on top of the per-account lock: enough for a shared office connection, not for a guessing script. */
export const SIGN_IN_THROTTLE = { default: { limit: 30, ttl: 60_000 } };

@ApiTags('auth')
@Controller(`${API_PREFIX}/auth`)
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly signIn: SignInService,
    private readonly sessions: SessionsService,
    private readonly jwt: JwtService,
  ) {}

  @Post('register')
  @HttpCode(202)
  @Public()
  @Throttle(SIGN_IN_THROTTLE)
  @ApiOperation({ summary: 'Register with e-mail and password; a confirmation link is mailed' })
  @ApiAcceptedResponse({ description: 'Always the same answer, whether or not the address has an account' })
  async register(
    @Body() body: RegisterDto,
    @Req() request: PageRequest,
  ): Promise<{ status: 'check-your-email' }> {
    await this.accounts.register(body, request.locale ?? 'ka');
    return { status: 'check-your-email' };
  }

  @Post('verify-email')
  @HttpCode(204)
  @Public()
  @ApiOperation({ summary: 'Confirm an e-mail address with the token of the mailed link' })
  @ApiNoContentResponse()
  async verifyEmail(@Body() body: VerifyEmailDto): Promise<void> {
    await this.accounts.verifyEmail(body.token);
  }

  @Post('token')
  @HttpCode(200)
  @Public()
  @Throttle(SIGN_IN_THROTTLE)
  @ApiOperation({ summary: 'Exchange e-mail and password for a bearer token (1 hour)' })
  @ApiOkResponse({ type: TokenResponseDto })
  async token(@Body() body: SignInDto): Promise<TokenResponseDto> {
    const user = await this.signIn.withPassword(body.login, body.password);
    return { ...(await this.sessions.issueBearer(user.id)), tokenType: 'Bearer' };
  }

  @Post('token/revoke')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke the bearer token of this request' })
  @ApiNoContentResponse()
  async revoke(@Headers('authorization') authorization: string): Promise<void> {
    const claims = this.jwt.decode<BearerClaims>(authorization.slice('Bearer '.length));
    await this.sessions.revokeBearer(claims.sid);
  }

  @Post('password-reset/request')
  @HttpCode(202)
  @Public()
  @Throttle(SIGN_IN_THROTTLE)
  @ApiOperation({
    summary: 'Mail a password reset link (the answer does not reveal whether the address is known)',
  })
  @ApiAcceptedResponse()
  async requestReset(@Body() body: RequestPasswordResetDto): Promise<{ status: 'check-your-email' }> {
    await this.accounts.requestPasswordReset(body.email);
    return { status: 'check-your-email' };
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @Public()
  @ApiOperation({ summary: 'Set a new password with the token of the mailed link; ends every session' })
  @ApiNoContentResponse()
  async confirmReset(@Body() body: ResetPasswordDto): Promise<void> {
    await this.accounts.resetPassword(body.token, body.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ type: AccountResponseDto })
  async me(@CurrentActor() actor: Actor): Promise<AccountResponseDto> {
    return toAccountResponse(await this.accounts.own(actor));
  }

  @Post('password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change one’s password' })
  @ApiNoContentResponse()
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    await this.accounts.changePassword(actor, body.currentPassword, body.newPassword);
  }
}
