import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import {
  APP_CONFIG,
  AppConfig,
  DomainError,
  domainErrorsOf,
  EMPTY_FORM,
  formValues,
  PageRenderer,
  PageRequest,
  Public,
  STATUS_OF_KIND,
  Translate,
  validateForm,
} from '@chartuloba/platform';
import { SIGN_IN_THROTTLE } from '../controllers/auth.controller';
import {
  RegisterDto,
  RequestPasswordResetDto,
  ResetPasswordDto,
  SignInDto,
  SignInWithCodeDto,
} from '../dto/auth.dto';
import { UserEntity } from '../entities/user.entity';
import { AccountsService } from '../services/accounts.service';
import { SESSION_COOKIE, SessionsService, WEB_SESSION_DAYS } from '../services/sessions.service';
import { SignInService } from '../services/sign-in.service';
import {
  CodeSignInPage,
  ForgotPasswordPage,
  LinkFailedPage,
  ResetPasswordPage,
  SignInPage,
  SignUpPage,
} from './auth.pages';
import { safeNext } from './forms';

/** Sign-up, sign-in and password pages: plain forms posting back here, each with its CSRF token. */
@ApiExcludeController()
@Controller()
export class AuthPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly accounts: AccountsService,
    private readonly signIn: SignInService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('sign-up')
  @Public()
  async signUpForm(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.pages.send(request, reply, (ctx) => SignUpPage({ ctx, form: EMPTY_FORM }));
  }

  @Post('sign-up')
  @Public()
  @Throttle(SIGN_IN_THROTTLE)
  async signUp(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<void> {
    const t = this.translator(request);
    const { value, errors } = await validateForm(RegisterDto, body, t);
    if (!value) {
      await this.pages.send(
        request,
        reply,
        (ctx) => SignUpPage({ ctx, form: { values: formValues(body), errors } }),
        400,
      );
      return;
    }
    await this.accounts.register(value, request.locale ?? 'ka');
    await this.pages.redirect(reply, '/sign-in', 'identity.flash.check-email');
  }

  @Get('verify-email')
  @Public()
  async verifyEmail(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Query('token') token: string | undefined,
  ): Promise<void> {
    try {
      await this.accounts.verifyEmail(String(token ?? ''));
    } catch (error) {
      if (error instanceof DomainError) {
        await this.pages.send(request, reply, (ctx) => LinkFailedPage({ ctx }), 400);
        return;
      }
      throw error;
    }
    await this.pages.redirect(reply, '/sign-in', 'identity.flash.email-verified');
  }

  @Get('sign-in')
  @Public()
  async signInForm(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Query('next') next: string | undefined,
  ): Promise<void> {
    await this.pages.send(request, reply, (ctx) => SignInPage({ ctx, form: EMPTY_FORM, next }));
  }

  @Post('sign-in')
  @Public()
  @Throttle(SIGN_IN_THROTTLE)
  async signInWithPassword(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
    @Query('next') next: string | undefined,
  ): Promise<void> {
    const t = this.translator(request);
    const values = formValues(body);
    const { value, errors } = await validateForm(SignInDto, body, t);
    if (!value) {
      await this.pages.send(
        request,
        reply,
        (ctx) => SignInPage({ ctx, form: { values, errors }, next }),
        400,
      );
      return;
    }
    try {
      const user = await this.signIn.withPassword(value.login, value.password);
      await this.startSession(request, reply, user, safeNext(next), 'identity.flash.signed-in');
    } catch (error) {
      if (!(error instanceof DomainError)) {
        throw error;
      }
      const form = { values, errors: domainErrorsOf(error, t, 'login') };
      await this.pages.send(
        request,
        reply,
        (ctx) => SignInPage({ ctx, form, next }),
        STATUS_OF_KIND[error.kind],
      );
    }
  }

  @Get('sign-in/code')
  @Public()
  async codeForm(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.pages.send(request, reply, (ctx) => CodeSignInPage({ ctx, form: EMPTY_FORM }));
  }

  @Post('sign-in/code')
  @Public()
  @Throttle(SIGN_IN_THROTTLE)
  async signInWithCode(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<void> {
    const t = this.translator(request);
    const values = formValues(body);
    const { value, errors } = await validateForm(SignInWithCodeDto, body, t);
    if (!value) {
      await this.pages.send(request, reply, (ctx) => CodeSignInPage({ ctx, form: { values, errors } }), 400);
      return;
    }
    try {
      const user = await this.signIn.withAssistedCode(value.code);
      await this.startSession(request, reply, user, '/account', 'identity.flash.code-signed-in');
    } catch (error) {
      if (!(error instanceof DomainError)) {
        throw error;
      }
      const form = { values, errors: domainErrorsOf(error, t, 'code') };
      await this.pages.send(
        request,
        reply,
        (ctx) => CodeSignInPage({ ctx, form }),
        STATUS_OF_KIND[error.kind],
      );
    }
  }

  @Post('sign-out')
  @Public()
  async signOut(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    const token = this.sessionToken(request);
    if (token) {
      await this.sessions.endWebSession(token);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    await this.pages.redirect(reply, '/', 'identity.flash.signed-out');
  }

  @Get('forgot-password')
  @Public()
  async forgotForm(@Req() request: PageRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.pages.send(request, reply, (ctx) => ForgotPasswordPage({ ctx, form: EMPTY_FORM }));
  }

  @Post('forgot-password')
  @Public()
  @Throttle(SIGN_IN_THROTTLE)
  async forgot(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<void> {
    const { value, errors } = await validateForm(RequestPasswordResetDto, body, this.translator(request));
    if (!value) {
      const form = { values: formValues(body), errors };
      await this.pages.send(request, reply, (ctx) => ForgotPasswordPage({ ctx, form }), 400);
      return;
    }
    await this.accounts.requestPasswordReset(value.email);
    await this.pages.redirect(reply, '/sign-in', 'identity.flash.check-email');
  }

  @Get('reset-password')
  @Public()
  async resetForm(
    @Req() request: PageRequest,
    @Res() reply: FastifyReply,
    @Query('token') token: string | undefined,
  ): Promise<void> {
    const safeToken = String(token ?? '').slice(0, 200);
    await this.pages.send(request, reply, (ctx) =>
      ResetPasswordPage({ ctx, form: EMPTY_FORM, token: safeToken }),
    );
  }

  @Post('reset-password')
  @Public()
  async reset(@Req() request: PageRequest, @Res() reply: FastifyReply, @Body() body: unknown): Promise<void> {
    const t = this.translator(request);
    const values = formValues(body);
    const token = (values.token ?? '').slice(0, 200);
    const { value, errors } = await validateForm(ResetPasswordDto, body, t);
    if (!value) {
      await this.pages.send(
        request,
        reply,
        (ctx) => ResetPasswordPage({ ctx, form: { values, errors }, token }),
        400,
      );
      return;
    }
    try {
      await this.accounts.resetPassword(value.token, value.password);
    } catch (error) {
      if (error instanceof DomainError) {
        await this.pages.send(request, reply, (ctx) => LinkFailedPage({ ctx }), 400);
        return;
      }
      throw error;
    }
    await this.pages.redirect(reply, '/sign-in', 'identity.flash.password-reset');
  }

  /** A fresh session on every sign-in (any earlier one of this browser ends), so a planted id is useless. */
  private async startSession(
    request: PageRequest,
    reply: FastifyReply,
    user: UserEntity,
    location: string,
    flashKey: string,
  ): Promise<void> {
    const previous = this.sessionToken(request);
    if (previous) {
      await this.sessions.endWebSession(previous);
    }
    const token = await this.sessions.startWebSession(user.id);
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      signed: true,
      secure: this.config.publicUrl.startsWith('https:'),
      maxAge: WEB_SESSION_DAYS * 24 * 3600,
    });
    await this.pages.redirect(reply, location, flashKey);
  }

  private sessionToken(request: PageRequest): string | undefined {
    const raw = request.cookies?.[SESSION_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : undefined;
    return unsigned?.valid && unsigned.value ? unsigned.value : undefined;
  }

  private translator(request: PageRequest): Translate {
    return this.pages.translator(request);
  }
}
