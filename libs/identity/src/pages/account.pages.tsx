import { CsrfField, ErrorSummary, FormState, Layout, PageContext, Role } from '@chartuloba/platform';
import { PASSWORD_MIN } from '../dto/auth.dto';
import type { AccountRow } from '../repositories/users.repository';
import { TextInput } from './inputs';

export function RoleList({ ctx, roles }: { ctx: PageContext; roles: readonly Role[] }) {
  return (
    <ul class="tags">
      {roles.map((role) => (
        <li key={role} class="badge">
          {ctx.t(`identity.role.${role}`)}
        </li>
      ))}
    </ul>
  );
}

export function ResidencyStatus({
  ctx,
  account,
  settlementName,
}: {
  ctx: PageContext;
  account: AccountRow;
  settlementName?: string;
}) {
  const { residency } = account;
  if (!residency) {
    return <p>{ctx.t('identity.account.not-resident')}</p>;
  }
  const date = ctx.i18n.formatDate(ctx.locale, residency.verifiedAt);
  return (
    <p class="ok">
      {settlementName
        ? ctx.t('identity.account.resident-in', { settlement: settlementName, date })
        : ctx.t('identity.account.resident-since', { date })}
    </p>
  );
}

export function AccountPage({
  ctx,
  account,
  settlementName,
  form,
}: {
  ctx: PageContext;
  account: AccountRow;
  settlementName?: string;
  form: FormState;
}) {
  const { t } = ctx;
  const { user } = account;
  const title = t('identity.account.title');
  const firstPassword = !user.passwordHash;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <dl class="facts">
        <dt>{t('identity.account.name')}</dt>
        <dd>{user.displayName}</dd>
        {user.email ? (
          <>
            <dt>{t('identity.account.email')}</dt>
            <dd>{user.email}</dd>
          </>
        ) : null}
        {user.loginName ? (
          <>
            <dt>{t('identity.account.login-name')}</dt>
            <dd>{user.loginName}</dd>
          </>
        ) : null}
        <dt>{t('identity.account.roles')}</dt>
        <dd>
          <RoleList ctx={ctx} roles={user.roles} />
        </dd>
      </dl>
      <h2>{t('identity.account.residency')}</h2>
      <ResidencyStatus ctx={ctx} account={account} settlementName={settlementName} />

      <h2 id="password-title">
        {t(firstPassword ? 'identity.account.set-password' : 'identity.account.change-password')}
      </h2>
      {firstPassword && user.loginName ? (
        <p>{t('identity.account.set-password-intro', { login: user.loginName })}</p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <form method="post" action="/account/password" aria-labelledby="password-title" novalidate>
        <CsrfField ctx={ctx} />
        {user.loginName ? (
          <input type="hidden" name="username" value={user.loginName} autoComplete="username" />
        ) : null}
        {firstPassword ? null : (
          <TextInput
            id="currentPassword"
            type="password"
            label={t('identity.field.current-password')}
            errors={form.errors}
            autocomplete="current-password"
            required
          />
        )}
        <TextInput
          id="newPassword"
          type="password"
          label={t('identity.field.new-password')}
          hint={t('identity.field.password-hint', { min: PASSWORD_MIN })}
          errors={form.errors}
          autocomplete="new-password"
          required
        />
        <button type="submit">{t('identity.account.save-password')}</button>
      </form>

      <form method="post" action="/sign-out" class="sign-out">
        <CsrfField ctx={ctx} />
        <button type="submit" class="secondary">
          {t('identity.account.sign-out')}
        </button>
      </form>
    </Layout>
  );
}
