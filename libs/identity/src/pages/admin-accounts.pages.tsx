import {
  CsrfField,
  ErrorSummary,
  Field,
  FormState,
  Layout,
  PageContext,
  pickText,
  ROLES,
  Settlement,
} from '@chartuloba/platform';
import type { AccountRow } from '../repositories/users.repository';
import { IdentityPolicy } from '../identity.policy';
import { ResidencyStatus, RoleList } from './account.pages';
import { TextInput } from './inputs';

export function AccountsListPage({
  ctx,
  query,
  rows,
  total,
  page,
  pageSize,
}: {
  ctx: PageContext;
  query: string;
  rows: AccountRow[];
  total: number;
  page: number;
  pageSize: number;
}) {
  const { t } = ctx;
  const title = t('identity.admin.title');
  const pageLink = (n: number) =>
    `/admin/accounts?${new URLSearchParams({ q: query, page: String(n) }).toString()}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        <a class="button secondary" href="/admin/accounts/new">
          {t('identity.admin.create-assisted')}
        </a>
      </p>
      <form method="get" action="/admin/accounts" role="search">
        <TextInput
          id="q"
          type="search"
          label={t('identity.admin.search-label')}
          hint={t('identity.admin.search-hint')}
          value={query}
          maxLength={120}
        />
        <button type="submit">{t('identity.admin.search-submit')}</button>
      </form>
      <p role="status">{t('identity.admin.count', { count: total })}</p>
      {rows.length === 0 ? (
        <p>{t('identity.admin.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('identity.admin.col-name')}</th>
                <th scope="col">{t('identity.admin.col-login')}</th>
                <th scope="col">{t('identity.admin.col-roles')}</th>
                <th scope="col">{t('identity.admin.col-resident')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ user, residency }) => (
                <tr key={user.id}>
                  <td>
                    <a href={`/admin/accounts/${user.id}`}>{user.displayName}</a>
                  </td>
                  <td>{user.email ?? user.loginName}</td>
                  <td>{user.roles.map((role) => t(`identity.role.${role}`)).join(', ')}</td>
                  <td>{t(residency ? 'identity.admin.yes' : 'identity.admin.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > pageSize ? (
        <nav aria-label={t('identity.admin.pages')} class="pager">
          {page > 1 ? <a href={pageLink(page - 1)}>{t('identity.admin.previous')}</a> : null}
          {page * pageSize < total ? <a href={pageLink(page + 1)}>{t('identity.admin.next')}</a> : null}
        </nav>
      ) : null}
    </Layout>
  );
}

export function AccountDetailPage({
  ctx,
  account,
  settlements,
  residencyForm,
}: {
  ctx: PageContext;
  account: AccountRow;
  settlements: Settlement[];
  residencyForm: FormState;
}) {
  const { t } = ctx;
  const { user, residency } = account;
  const title = t('identity.admin.account-title', { name: user.displayName });
  const settlementName = (id: string | null | undefined) => {
    const found = settlements.find((s) => s.id === id);
    return found ? pickText(found.name, ctx.locale) : undefined;
  };
  const changeable = ROLES.filter((role) => IdentityPolicy.canChangeRole(ctx.actor, role));
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/admin/accounts">{t('identity.admin.back')}</a>
      </p>
      <h1>{title}</h1>
      <dl class="facts">
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
      </dl>

      <h2>{t('identity.admin.roles-title')}</h2>
      <RoleList ctx={ctx} roles={user.roles} />
      <ul class="role-actions">
        {changeable.map((role) => {
          const held = user.roles.includes(role);
          const label = t(held ? 'identity.admin.revoke' : 'identity.admin.grant', {
            role: t(`identity.role.${role}`),
          });
          return (
            <li key={role}>
              <form method="post" action={`/admin/accounts/${user.id}/roles`}>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="role" value={role} />
                <input type="hidden" name="grant" value={held ? 'false' : 'true'} />
                <button type="submit" class={held ? 'secondary' : undefined}>
                  {label}
                </button>
              </form>
            </li>
          );
        })}
      </ul>

      <h2 id="residency-title">{t('identity.admin.residency-title')}</h2>
      <ResidencyStatus ctx={ctx} account={account} settlementName={settlementName(residency?.settlementId)} />
      {residency ? null : (
        <>
          <ErrorSummary ctx={ctx} errors={residencyForm.errors} />
          <form
            method="post"
            action={`/admin/accounts/${user.id}/residency`}
            aria-labelledby="residency-title"
            novalidate
          >
            <CsrfField ctx={ctx} />
            <TextInput
              id="personalNumber"
              label={t('identity.admin.personal-number')}
              hint={t('identity.admin.personal-number-hint')}
              errors={residencyForm.errors}
              inputMode="numeric"
              autocomplete="off"
              maxLength={20}
              required
            />
            <Field id="settlementId" label={t('identity.admin.settlement')} errors={residencyForm.errors}>
              {(describedBy, invalid) => (
                <select
                  id="settlementId"
                  name="settlementId"
                  aria-describedby={describedBy}
                  aria-invalid={invalid ? 'true' : undefined}
                >
                  <option value="">{t('identity.admin.settlement-none')}</option>
                  {settlements.map((s) => (
                    <option key={s.id} value={s.id} selected={residencyForm.values.settlementId === s.id}>
                      {pickText(s.name, ctx.locale)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <TextInput
              id="birthYear"
              label={t('identity.admin.birth-year')}
              value={residencyForm.values.birthYear}
              errors={residencyForm.errors}
              inputMode="numeric"
              maxLength={4}
            />
            <button type="submit">{t('identity.admin.verify-submit')}</button>
          </form>
        </>
      )}

      {user.assisted ? (
        <>
          <h2>{t('identity.admin.code-title')}</h2>
          <form method="post" action={`/admin/accounts/${user.id}/code`}>
            <CsrfField ctx={ctx} />
            <button type="submit" class="secondary">
              {t('identity.admin.reissue')}
            </button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}

export function AssistedAccountPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const title = t('identity.assisted.title');
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/admin/accounts">{t('identity.admin.back')}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('identity.assisted.intro')}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <form method="post" action="/admin/accounts/new" novalidate>
        <CsrfField ctx={ctx} />
        <TextInput
          id="displayName"
          label={t('identity.assisted.display-name')}
          value={form.values.displayName}
          errors={form.errors}
          autocomplete="off"
          maxLength={120}
          required
        />
        <button type="submit">{t('identity.assisted.submit')}</button>
      </form>
    </Layout>
  );
}

/** The sheet handed to the resident. Printed on paper; the code is on no other page and in no log. */
export function CodeSheetPage({
  ctx,
  displayName,
  loginName,
  code,
  publicUrl,
}: {
  ctx: PageContext;
  displayName: string;
  loginName: string;
  code: string;
  publicUrl: string;
}) {
  const { t } = ctx;
  const title = t('identity.sheet.title');
  return (
    <Layout ctx={ctx} title={title} styles={['/assets/identity.css']} scripts={['/assets/identity-print.js']}>
      <p class="no-print warning" role="note">
        {t('identity.sheet.warning')}
      </p>
      <p class="no-print">
        <button type="button" data-print hidden>
          {t('identity.sheet.print')}
        </button>
      </p>
      <section class="code-sheet" aria-labelledby="sheet-title">
        <h1 id="sheet-title">{title}</h1>
        <dl class="facts">
          <dt>{t('identity.sheet.name')}</dt>
          <dd>{displayName}</dd>
          <dt>{t('identity.sheet.login-name')}</dt>
          <dd class="code">{loginName}</dd>
          <dt>{t('identity.sheet.code')}</dt>
          <dd class="code">{code}</dd>
        </dl>
        <p>{t('identity.sheet.how', { url: publicUrl })}</p>
      </section>
      <p class="no-print">
        <a href="/admin/accounts">{t('identity.admin.back')}</a>
      </p>
    </Layout>
  );
}
