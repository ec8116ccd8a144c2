import {
  CsrfField,
  ErrorSummary,
  Field,
  FormState,
  InputField,
  Layout,
  LocalizedTextFields,
  PageContext,
  parseLocalizedText,
  pickText,
  SelectField,
  Settlement,
} from '@chartuloba/platform';
import { ANSWER_OUTCOMES, PETITION_KINDS } from '../domain/lifecycle';
import type { Petition } from '../repositories/petition.row';
import type { PetitionWithCount } from '../repositories/petitions.repository';
import type { SignatureCount, SignatureRow } from '../repositories/signatures.repository';
import type { SampledSignature } from '../services/paper.service';
import { PETITION_STYLES, StatusBadge, Text } from './common';

function Due({ ctx, date }: { ctx: PageContext; date: Date | null }) {
  if (!date) {
    return null;
  }
  const text = ctx.i18n.formatDate(ctx.locale, date, 'datetime');
  return date < new Date() ? (
    <span class="overdue">{ctx.t('petitions.admin.overdue', { date: text })}</span>
  ) : (
    <span>{ctx.t('petitions.admin.due', { date: text })}</span>
  );
}

function Queue(props: {
  ctx: PageContext;
  title: string;
  items: PetitionWithCount[];
  due?: (p: Petition) => Date | null;
}) {
  const { ctx } = props;
  return (
    <section>
      <h2>{props.title}</h2>
      {props.items.length === 0 ? <p class="muted">{ctx.t('petitions.admin.none')}</p> : null}
      <ul>
        {props.items.map((p) => (
          <li key={p.id}>
            <a href={`/admin/petitions/${p.id}`}>
              <Text text={p.title} locale={ctx.locale} />
            </a>{' '}
            <StatusBadge ctx={ctx} petition={p} /> {props.due ? <Due ctx={ctx} date={props.due(p)} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AdminDeskPage(props: {
  ctx: PageContext;
  moderation: PetitionWithCount[];
  registration: PetitionWithCount[];
  consideration: PetitionWithCount[];
  running: PetitionWithCount[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('petitions.admin.title')} styles={PETITION_STYLES}>
      <h1>{t('petitions.admin.title')}</h1>
      <p>
        <a href="/admin/petitions/assembly">{t('petitions.admin.assembly-new')}</a>
      </p>
      <Queue ctx={ctx} title={t('petitions.admin.moderation')} items={props.moderation} />
      <Queue
        ctx={ctx}
        title={t('petitions.admin.registration')}
        items={props.registration}
        due={(p) => p.registrationDueAt}
      />
      <Queue
        ctx={ctx}
        title={t('petitions.admin.consideration')}
        items={props.consideration}
        due={(p) => p.considerationDueAt}
      />
      <Queue ctx={ctx} title={t('petitions.admin.running')} items={props.running} due={(p) => p.closesAt} />
    </Layout>
  );
}

function Button({
  ctx,
  action,
  label,
  secondary,
}: {
  ctx: PageContext;
  action: string;
  label: string;
  secondary?: boolean;
}) {
  return (
    <form method="post" action={action}>
      <CsrfField ctx={ctx} />
      <button type="submit" class={secondary ? 'secondary' : undefined}>
        {label}
      </button>
    </form>
  );
}

export function AdminPetitionPage(props: {
  ctx: PageContext;
  petition: Petition;
  count: SignatureCount;
  lists: Array<{
    id: string;
    label: string;
    sampleSeed: string | null;
    sampleSize: number | null;
    signatures: number;
  }>;
  flagged: SignatureRow[];
  councilAvailable: boolean;
  form: FormState;
}) {
  const { ctx, petition, count } = props;
  const { errors, values } = props.form;
  const { t } = ctx;
  const base = `/admin/petitions/${petition.id}`;
  const title = pickText(petition.title, ctx.locale);
  const collecting = petition.status === 'open' || petition.status === 'threshold-reached';
  const entryList = props.lists.filter((list) => !list.sampleSeed).at(-1);
  return (
    <Layout ctx={ctx} title={title} styles={PETITION_STYLES}>
      <p>
        <a href="/admin/petitions">{t('petitions.admin.title')}</a>
      </p>
      <h1>
        <Text text={petition.title} locale={ctx.locale} />
      </h1>
      <p class="petition-meta">
        <StatusBadge ctx={ctx} petition={petition} />
        <a href={`/petitions/${petition.id}`}>{`/petitions/${petition.id}`}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        {t('petitions.admin.counts', {
          counted: count.counted,
          paper: count.paper,
          invalidated: count.invalidated,
          withdrawn: count.withdrawn,
        })}
      </p>
      {petition.registrationDueAt && petition.status === 'threshold-reached' ? (
        <p>
          {t('petitions.detail.certificate')}: <Due ctx={ctx} date={petition.registrationDueAt} />
        </p>
      ) : null}
      {petition.considerationDueAt && ['registered', 'under-consideration'].includes(petition.status) ? (
        <p>
          {t('petitions.timeline.consideration')}: <Due ctx={ctx} date={petition.considerationDueAt} />
        </p>
      ) : null}

      <div class="actions">
        {petition.status === 'submitted' ? (
          <Button ctx={ctx} action={`${base}/open`} label={t('petitions.admin.open')} />
        ) : null}
        {petition.status === 'threshold-reached' ? (
          <Button ctx={ctx} action={`${base}/register`} label={t('petitions.admin.register')} />
        ) : null}
        {petition.status === 'registered' ? (
          <>
            <Button ctx={ctx} action={`${base}/consider`} label={t('petitions.admin.consider')} secondary />
            {props.councilAvailable ? (
              <Button
                ctx={ctx}
                action={`${base}/consider?council=true`}
                label={t('petitions.admin.to-council')}
              />
            ) : null}
          </>
        ) : null}
        {petition.status === 'answered' ? (
          <Button ctx={ctx} action={`${base}/close`} label={t('petitions.admin.close')} secondary />
        ) : null}
        {petition.registrationNumber ? (
          <a class="button secondary" href={`/petitions/${petition.id}/certificate`}>
            {t('petitions.detail.certificate')}
          </a>
        ) : null}
        {petition.threshold !== null ? (
          <a class="button secondary" href={`/api/v1/admin/petitions/${petition.id}/signatories.csv`}>
            {t('petitions.admin.export')}
          </a>
        ) : null}
      </div>

      {petition.status === 'submitted' ? (
        <form method="post" action={`${base}/return`}>
          <CsrfField ctx={ctx} />
          <Field id="reason" label={t('petitions.admin.reason')} errors={errors}>
            {(describedBy, invalid) => (
              <textarea id="reason" name="reason" aria-describedby={describedBy} aria-invalid={invalid}>
                {values['reason'] ?? ''}
              </textarea>
            )}
          </Field>
          <button type="submit" class="secondary">
            {t('petitions.admin.return')}
          </button>
        </form>
      ) : null}

      {petition.status === 'registered' || petition.status === 'under-consideration' ? (
        <form method="post" action={`${base}/answer`}>
          <h2>{t('petitions.admin.answer')}</h2>
          <CsrfField ctx={ctx} />
          <SelectField
            id="outcome"
            label={t('petitions.admin.outcome')}
            errors={errors}
            options={ANSWER_OUTCOMES.map((o) => ({ value: o, label: t(`petitions.outcome.${o}`) }))}
          />
          <LocalizedTextFields
            ctx={ctx}
            name="text"
            legend={t('petitions.admin.answer-text')}
            errors={errors}
            multiline
          />
          <button type="submit">{t('petitions.admin.answer')}</button>
        </form>
      ) : null}

      {petition.threshold !== null ? (
        <section>
          <h2>{t('petitions.admin.paper')}</h2>
          <ul>
            {props.lists.map((list) => (
              <li key={list.id}>
                <strong>{list.label}</strong> ·{' '}
                {t('petitions.admin.list-signatures', { count: list.signatures })}
                {list.sampleSeed ? (
                  <>
                    {' · '}
                    {t('petitions.admin.sample-seed', {
                      size: list.sampleSize ?? 0,
                      seed: list.sampleSeed,
                    })}{' '}
                    · <a href={`/admin/petitions/paper-lists/${list.id}`}>{t('petitions.admin.verify')}</a>
                  </>
                ) : (
                  <>
                    <Button
                      ctx={ctx}
                      action={`/admin/petitions/paper-lists/${list.id}/sample`}
                      label={t('petitions.admin.draw-sample')}
                      secondary
                    />
                  </>
                )}
              </li>
            ))}
          </ul>
          {collecting && entryList ? (
            <form method="post" action={`/admin/petitions/paper-lists/${entryList.id}/signatures`}>
              <h3>{entryList.label}</h3>
              <CsrfField ctx={ctx} />
              {(
                [
                  ['name', 'petitions.admin.paper-name', 'text'],
                  ['personalNumber', 'petitions.admin.paper-number', 'text'],
                  ['address', 'petitions.admin.paper-address', 'text'],
                  ['signedOn', 'petitions.admin.paper-date', 'date'],
                ] as const
              ).map(([id, label, type]) => (
                <InputField
                  key={id}
                  id={id}
                  type={type}
                  label={t(label)}
                  errors={errors}
                  value={values[id]}
                  autoComplete="off"
                  inputMode={id === 'personalNumber' ? 'numeric' : undefined}
                />
              ))}
              <button type="submit">{t('petitions.admin.paper-add')}</button>
            </form>
          ) : null}
          {collecting ? (
            <form method="post" action={`${base}/paper-lists`}>
              <CsrfField ctx={ctx} />
              <InputField
                id="label"
                label={t('petitions.admin.list-label')}
                errors={errors}
                value={values['label']}
              />
              <button type="submit" class="secondary">
                {t('petitions.admin.list-create')}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}

      {props.flagged.length ? (
        <section>
          <h2>{t('petitions.admin.flagged')}</h2>
          <div class="table-scroll">
            <table>
              <tbody>
                {props.flagged.map((s) => (
                  <tr key={s.id}>
                    <td>{s.initials}</td>
                    <td>{ctx.i18n.formatDate(ctx.locale, s.signedAt, 'datetime')}</td>
                    <td>{t(`petitions.admin.flag.${s.flagReason ?? 'many-accounts-one-address'}`)}</td>
                    <td>
                      <form method="post" action={`/admin/petitions/signatures/${s.id}/invalidate`}>
                        <CsrfField ctx={ctx} />
                        <InputField id={`reason-${s.id}`} name="reason" label={t('petitions.admin.reason')} />
                        <button type="submit" class="danger">
                          {t('petitions.admin.invalidate')}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </Layout>
  );
}

export function SampleVerificationPage(props: {
  ctx: PageContext;
  petitionId: string;
  label: string;
  seed: string;
  rows: SampledSignature[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('petitions.admin.verify')} styles={PETITION_STYLES}>
      <p>
        <a href={`/admin/petitions/${props.petitionId}`}>←</a>
      </p>
      <h1>
        {t('petitions.admin.verify')}: {props.label}
      </h1>
      <p class="muted">{t('petitions.admin.sample-seed', { size: props.rows.length, seed: props.seed })}</p>
      <p role="note">{t('petitions.admin.privacy')}</p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('petitions.admin.paper-name')}</th>
              <th scope="col">{t('petitions.admin.paper-number')}</th>
              <th scope="col">{t('petitions.admin.paper-address')}</th>
              <th scope="col">{t('petitions.admin.paper-date')}</th>
              <th scope="col">{t('petitions.admin.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.id}>
                <td>{row.name}</td>
                <td>{row.personalNumber}</td>
                <td>{row.address}</td>
                <td>{row.signedOn}</td>
                <td>
                  {row.verification ? (
                    t(`petitions.admin.${row.verification}`)
                  ) : (
                    <div class="actions">
                      <form method="post" action={`/admin/petitions/signatures/${row.id}/verify`}>
                        <CsrfField ctx={ctx} />
                        <input type="hidden" name="result" value="valid" />
                        <button type="submit" class="secondary">
                          {t('petitions.admin.valid')}
                        </button>
                      </form>
                      <form method="post" action={`/admin/petitions/signatures/${row.id}/verify`}>
                        <CsrfField ctx={ctx} />
                        <input type="hidden" name="result" value="invalid" />
                        <InputField
                          id={`reason-${row.id}`}
                          name="reason"
                          label={t('petitions.admin.reason')}
                        />
                        <button type="submit" class="danger">
                          {t('petitions.admin.invalid')}
                        </button>
                      </form>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export function AssemblyFormPage(props: { ctx: PageContext; settlements: Settlement[]; form: FormState }) {
  const { ctx, form } = props;
  const { t } = ctx;
  const { values } = form;
  return (
    <Layout ctx={ctx} title={t('petitions.admin.assembly-new')} styles={PETITION_STYLES}>
      <h1>{t('petitions.admin.assembly-new')}</h1>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <form method="post" action="/admin/petitions/assembly" novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          id="settlementId"
          label={t('petitions.admin.settlement')}
          errors={form.errors}
          value={values['settlementId']}
          options={props.settlements.map((s) => ({ value: s.id, label: pickText(s.name, ctx.locale) }))}
        />
        <SelectField
          id="kind"
          label={t('petitions.form.kind')}
          errors={form.errors}
          value={values['kind']}
          options={PETITION_KINDS.map((kind) => ({ value: kind, label: t(`petitions.kind.${kind}`) }))}
        />
        <LocalizedTextFields
          ctx={ctx}
          name="title"
          legend={t('petitions.form.title')}
          value={parseLocalizedText(values, 'title')}
          errors={form.errors}
        />
        <LocalizedTextFields
          ctx={ctx}
          name="body"
          legend={t('petitions.form.body')}
          value={parseLocalizedText(values, 'body')}
          errors={form.errors}
          multiline
        />
        <InputField
          id="authorName"
          label={t('petitions.admin.chair')}
          errors={form.errors}
          value={values['authorName']}
        />
        <Field id="minutes" label={t('petitions.admin.minutes')} errors={form.errors}>
          {(describedBy, invalid) => (
            <textarea id="minutes" name="minutes" aria-describedby={describedBy} aria-invalid={invalid}>
              {values['minutes'] ?? ''}
            </textarea>
          )}
        </Field>
        <button type="submit">{t('petitions.admin.record')}</button>
      </form>
    </Layout>
  );
}
