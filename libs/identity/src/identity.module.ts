import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerNavItem, WEB_SESSION_COOKIE } from '@chartuloba/platform';
import { AccountsAdminController } from './controllers/accounts-admin.controller';
import { AuthController } from './controllers/auth.controller';
import { IDENTITY_ENTITIES } from './entities';
import { AccessGuard, BearerAuthenticator } from './guards/access.guard';
import { JwtStrategy } from './guards/jwt.strategy';
import './i18n';
import { IdentityFacade } from './identity.facade';
import { AccountPagesController } from './pages/account-pages.controller';
import { AdminAccountsPagesController } from './pages/admin-accounts-pages.controller';
import { AuthPagesController } from './pages/auth-pages.controller';
import { LoginFailuresRepository } from './repositories/login-failures.repository';
import { ResidencyRepository } from './repositories/residency.repository';
import { SessionsRepository } from './repositories/sessions.repository';
import { TokensRepository } from './repositories/tokens.repository';
import { UsersRepository } from './repositories/users.repository';
import { AccountsAdminService } from './services/accounts-admin.service';
import { AccountsService } from './services/accounts.service';
import { IdentityDemoSeed } from './services/identity-demo.seed';
import { IdentityKeys } from './services/identity-keys';
import { PasswordHasher } from './services/password-hasher';
import { SESSION_COOKIE, SessionsService } from './services/sessions.service';
import { SignInService } from './services/sign-in.service';
import { UserProvisioningService } from './services/user-provisioning.service';

registerNavItem({
  href: '/admin/accounts',
  labelKey: 'identity.nav.admin-accounts',
  order: 900,
  roles: ['staff', 'admin'],
});

const CORE_PROVIDERS = [
  IdentityKeys,
  PasswordHasher,
  UsersRepository,
  ResidencyRepository,
  SessionsRepository,
  TokensRepository,
  LoginFailuresRepository,
  SessionsService,
  SignInService,
  AccountsService,
  AccountsAdminService,
  UserProvisioningService,
  IdentityFacade,
  IdentityDemoSeed,
];

/** Accounts, roles, residency, sessions and tokens, and the deny-by-default access guard of every route. */
@Module({
  imports: [
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    PassportModule,
    JwtModule.registerAsync({
      inject: [IdentityKeys],
      extraProviders: [IdentityKeys],
      useFactory: (keys: IdentityKeys) => ({ secret: keys.jwt, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [
    AuthController,
    AccountsAdminController,
    AuthPagesController,
    AccountPagesController,
    AdminAccountsPagesController,
  ],
  providers: [
    ...CORE_PROVIDERS,
    JwtStrategy,
    BearerAuthenticator,
    { provide: APP_GUARD, useClass: AccessGuard },
    // Lets platform refuse an upload without a signed session before reading it (see AcceptsUploads).
    { provide: WEB_SESSION_COOKIE, useValue: SESSION_COOKIE },
  ],
  exports: [IdentityFacade, UserProvisioningService],
})
export class IdentityModule {}

/** For the CLI and the worker: the services and facade without HTTP controllers or the guard. */
@Module({
  imports: [
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    JwtModule.registerAsync({
      inject: [IdentityKeys],
      extraProviders: [IdentityKeys],
      useFactory: (keys: IdentityKeys) => ({ secret: keys.jwt, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  providers: CORE_PROVIDERS,
  exports: [IdentityFacade, UserProvisioningService],
})
export class IdentityCoreModule {}
