import {
  CsrfField,
  ErrorSummary,
  InputField,
  Layout,
  LocalizedTextFields,
  PageContext,
  parseLocalizedText,
  pickText,
  ProgressBar,
  SelectField,
} from '@chartuloba/platform';
import type { CycleRow, ProjectRow, UpdateRow } from '../../repositories/budgeting.rows';
import type { PhotoView } from '../../services/attachments.service';
import { money } from '../budgeting.pages';
import { FileField, UpdatePhotoList } from '../files.parts';
import type { ProjectForm } from './admin-review.pages';
import { StaffNav } from './admin-review.pages';

const IMPLEMENTATION = ['not-started', 'in-progress', 'completed', 'cancelled'] as const;

/** The project's published updates, newest first, each photo with its own "Remove photo" button. */
function PublishedUpdates(props: {
  ctx: PageContext;
  updates: UpdateRow[];
  photos: Map<string, PhotoView[]>;
}) {
  const { ctx, updates, photos } = props;
  if (!updates.length) {
    return null;
  }
  return (
    <>
      <h3>{ctx.t('budgeting.staff.updates')}</h3>
      <ul class="updates">
        {updates.map((u) => (
          <li key={u.id} id={`update-${u.id}`}>
            <time dateTime={u.createdAt.toISOString()}>{ctx.i18n.formatDate(ctx.locale, u.createdAt)}</time>:{' '}
            {pickText(u.note, ctx.locale)}
            <UpdatePhotoList
              ctx={ctx}
              photos={photos.get(u.id)}
              alt={pickText(u.note, ctx.locale)}
              removeBase={`/admin/budgeting/updates/${u.id}/photos`}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

/** Accountability: each funded project's status, progress and spending, with dated public updates. */
export function ImplementationPage(props: {
  ctx: PageContext;
  cycle: CycleRow;
  projects: ProjectRow[];
  updates: UpdateRow[];
  photos: Map<string, PhotoView[]>;
  form?: ProjectForm;
}) {
  const { ctx, cycle, projects, updates, photos, form } = props;
  const { t } = ctx;
  const title = t('budgeting.staff.implementation-title', { cycle: pickText(cycle.title, ctx.locale) });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <StaffNav ctx={ctx} cycle={cycle} />
      {projects.length === 0 ? <p>{t('budgeting.staff.no-funded')}</p> : null}
      {projects.map((p) => {
        const mine = form?.projectId === p.id ? form : undefined;
        const values = mine?.values ?? {};
        const errors = (mine?.errors ?? []).map((e) => ({ ...e }));
        const field = (name: string) => `${name}-${p.id}`;
        const value = (name: string, fallback: string) => values[name] ?? fallback;
        return (
          <section key={p.id} aria-labelledby={`impl-${p.id}`} class="card">
            <h2 id={`impl-${p.id}`}>
              {p.code} · {pickText(p.title, ctx.locale)}
            </h2>
            <p>
              {t('budgeting.results.progress', {
                status: t(`budgeting.impl.${p.implementationStatus}`),
                progress: p.progress,
                spent: money(ctx, cycle, p.spent),
              })}
            </p>
            <ProgressBar value={p.progress} max={100} label={`${p.progress}%`} />
            <PublishedUpdates
              ctx={ctx}
              updates={updates.filter((u) => u.projectId === p.id)}
              photos={photos}
            />
            <form
              method="post"
              action={`/admin/budgeting/projects/${p.id}/updates`}
              enctype="multipart/form-data"
              novalidate
            >
              <CsrfField ctx={ctx} />
              <ErrorSummary ctx={ctx} errors={errors} />
              <SelectField
                id={field('status')}
                name="status"
                label={t('budgeting.staff.impl-status')}
                errors={errors}
                value={value('status', p.implementationStatus)}
                options={IMPLEMENTATION.map((s) => ({ value: s, label: t(`budgeting.impl.${s}`) }))}
              />
              <InputField
                type="number"
                id={field('progress')}
                name="progress"
                label={t('budgeting.staff.progress')}
                errors={errors}
                value={value('progress', String(p.progress))}
                max="100"
              />
              <InputField
                type="number"
                id={field('spent')}
                name="spent"
                label={t('budgeting.staff.spent')}
                errors={errors}
                value={value('spent', String(p.spent))}
              />
              <LocalizedTextFields
                ctx={ctx}
                name={field('note')}
                legend={t('budgeting.staff.update-note')}
                value={parseLocalizedText(values, field('note'))}
                errors={errors}
                multiline
                required
                maxLength={4000}
              />
              <FileField
                id={field('photo')}
                name="photo"
                label={t('budgeting.staff.photo')}
                hint={t('budgeting.staff.photo-hint')}
                errors={errors}
                imagesOnly
              />
              <button type="submit">{t('budgeting.staff.publish-update')}</button>
            </form>
          </section>
        );
      })}
    </Layout>
  );
}
