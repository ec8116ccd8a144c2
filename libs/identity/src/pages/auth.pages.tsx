import { CsrfField, ErrorSummary, FormState, Layout, PageContext } from '@chartuloba/platform';
import { PASSWORD_MIN } from '../dto/auth.dto';
import { TextInput } from './inputs';

interface FormPageProps {
  ctx: PageContext;
  form: FormState;
}

export function SignUpPage({ ctx, form }: FormPageProps) {
  const { t } = ctx;
  const title = t('identity.sign-up.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('identity.sign-up.intro')}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <form method="post" action="/sign-up" novalidate>
        <CsrfField ctx={ctx} />
        <TextInput
          id="displayName"
          label={t('identity.field.display-name')}
          hint={t('identity.field.display-name-hint')}
          value={form.values.displayName}
          errors={form.errors}
          autocomplete="name"
          required
          maxLength={120}
        />
        <TextInput
          id="email"
          type="email"
          label={t('identity.field.email')}
          value={form.values.email}
          errors={form.errors}
          autocomplete="email"
          required
        />
        <TextInput
          id="password"
          type="password"
          label={t('identity.field.password')}
          hint={t('identity.field.password-hint', { min: PASSWORD_MIN })}
          errors={form.errors}
          autocomplete="new-password"
          required
        />
        <button type="submit">{t('identity.sign-up.submit')}</button>
      </form>
      <p>
        {t('identity.sign-up.have-account')} <a href="/sign-in">{t('identity.sign-in.title')}</a>
      </p>
    </Layout>
  );
}

export function SignInPage({ ctx, form, next }: FormPageProps & { next?: string }) {
  const { t } = ctx;
  const title = t('identity.sign-in.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <form method="post" action={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'} novalidate>
        <CsrfField ctx={ctx} />
        <TextInput
          id="login"
          label={t('identity.field.login')}
          value={form.values.login}
          errors={form.errors}
          autocomplete="username"
          required
        />
        <TextInput
          id="password"
          type="password"
          label={t('identity.field.password')}
          errors={form.errors}
          autocomplete="current-password"
          required
        />
        <button type="submit">{t('identity.sign-in.submit')}</button>
      </form>
      <ul class="links">
        <li>
          <a href="/forgot-password">{t('identity.sign-in.forgot')}</a>
        </li>
        <li>
          {t('identity.sign-in.no-account')} <a href="/sign-up">{t('identity.sign-in.create')}</a>
        </li>
        <li>
          <a href="/sign-in/code">{t('identity.sign-in.code-link')}</a>
        </li>
      </ul>
    </Layout>
  );
}

export function CodeSignInPage({ ctx, form }: FormPageProps) {
  const { t } = ctx;
  const title = t('identity.code.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('identity.code.intro')}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <form method="post" action="/sign-in/code" novalidate>
        <CsrfField ctx={ctx} />
        <TextInput
          id="code"
          label={t('identity.code.field')}
          hint={t('identity.code.hint')}
          value={form.values.code}
          errors={form.errors}
          autocomplete="one-time-code"
          required
          maxLength={40}
        />
        <button type="submit">{t('identity.code.submit')}</button>
      </form>
    </Layout>
  );
}

export function ForgotPasswordPage({ ctx, form }: FormPageProps) {
  const { t } = ctx;
  const title = t('identity.forgot.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('identity.forgot.intro')}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <form method="post" action="/forgot-password" novalidate>
        <CsrfField ctx={ctx} />
        <TextInput
          id="email"
          type="email"
          label={t('identity.field.email')}
          value={form.values.email}
          errors={form.errors}
          autocomplete="email"
          required
        />
        <button type="submit">{t('identity.forgot.submit')}</button>
      </form>
    </Layout>
  );
}

export function ResetPasswordPage({ ctx, form, token }: FormPageProps & { token: string }) {
  const { t } = ctx;
  const title = t('identity.reset.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <form method="post" action="/reset-password" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="token" value={token} />
        <TextInput
          id="password"
          type="password"
          label={t('identity.field.new-password')}
          hint={t('identity.field.password-hint', { min: PASSWORD_MIN })}
          errors={form.errors}
          autocomplete="new-password"
          required
        />
        <button type="submit">{t('identity.reset.submit')}</button>
      </form>
    </Layout>
  );
}

export function LinkFailedPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  const title = t('identity.verify.failed-title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('identity.verify.failed-body')}</p>
      <ul class="links">
        <li>
          <a href="/sign-in">{t('identity.sign-in.title')}</a>
        </li>
        <li>
          <a href="/forgot-password">{t('identity.sign-in.forgot')}</a>
        </li>
      </ul>
    </Layout>
  );
}
