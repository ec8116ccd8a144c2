import {
  CsrfField,
  ErrorSummary,
  Field,
  FormState,
  Layout,
  PageContext,
  pickText,
} from '@chartuloba/platform';
import { MAX_ATTACHMENTS } from '../budgeting.files';
import { BudgetingPolicy } from '../budgeting.policy';
import { COMMENT_MAX, HIDE_REASON_MAX } from '../dto/budgeting.dto';
import type { CycleRow, DistrictRow, ProjectRow } from '../repositories/budgeting.rows';
import type { CommentRow } from '../repositories/comments.repository';
import type { PendingMergeRow } from '../repositories/merges.repository';
import type { AttachmentView } from '../services/attachments.service';
import { AttachmentInputs, AttachmentList } from './files.parts';
import { money } from './budgeting.pages';

/** A failed "hide" post: which comment, what was typed, what is wrong. */
export interface HideForm extends FormState {
  commentId: string;
}

function HideCommentForm(props: { ctx: PageContext; comment: CommentRow; form?: HideForm }) {
  const { ctx, comment } = props;
  const form = props.form?.commentId === comment.id ? props.form : undefined;
  const id = `reason-${comment.id}`;
  const errors = (form?.errors ?? []).map((e) => ({ ...e, field: id }));
  return (
    <form method="post" action={`/admin/budgeting/comments/${comment.id}/hide`} novalidate>
      <CsrfField ctx={ctx} />
      <Field id={id} label={ctx.t('budgeting.comments.hide-reason')} errors={errors}>
        {(describedBy, invalid) => (
          <input
            type="text"
            id={id}
            name="reason"
            maxLength={HIDE_REASON_MAX}
            value={form?.values['reason'] ?? ''}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <button type="submit" class="secondary">
        {ctx.t('budgeting.comments.hide')}
      </button>
    </form>
  );
}

/**
 * The merge requests this proposal's signed-in author was asked about, each with Agree and Decline forms.
 * Only the author gets the rows (MergesService.pendingFor), so nobody else sees the buttons.
 */
function MergeRequests(props: {
  ctx: PageContext;
  project: ProjectRow;
  merges: PendingMergeRow[];
  errors: FormState['errors'];
}) {
  const { ctx, project, merges, errors } = props;
  const { t } = ctx;
  if (!merges.length && !errors.length) {
    return null;
  }
  return (
    <section aria-labelledby="merge" class="card">
      <h2 id="merge">{t('budgeting.merge.title')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      {merges.map((m) => {
        const other = (
          <a href={`/budgeting/projects/${m.otherId}`}>
            {m.otherCode} · {pickText(m.otherTitle, ctx.locale)}
          </a>
        );
        const base = `/budgeting/projects/${m.sourceId}/merge/${m.targetId}`;
        return (
          <div key={m.otherId} id={`merge-${m.otherId}`}>
            <p>
              {m.sourceId === project.id ? t('budgeting.merge.yours-into') : t('budgeting.merge.into-yours')}{' '}
              {other}
            </p>
            {m.agreed ? (
              <p role="status">{t('budgeting.merge.agreed')}</p>
            ) : (
              <div class="actions">
                <form method="post" action={`${base}/agree`}>
                  <CsrfField ctx={ctx} />
                  <button type="submit">{t('budgeting.merge.agree')}</button>
                </form>{' '}
                <form method="post" action={`${base}/decline`}>
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="secondary">
                    {t('budgeting.merge.decline')}
                  </button>
                </form>
              </div>
            )}
          </div>
        );
      })}
    </section>
  );
}

/** One proposal with its residents' discussion: the thread reads oldest first, the form comes last. */
export function ProposalPage(props: {
  ctx: PageContext;
  cycle: CycleRow;
  project: ProjectRow;
  district: DistrictRow | undefined;
  comments: CommentRow[];
  open: boolean;
  form: FormState;
  hideForm?: HideForm;
  attachments: AttachmentView[];
  /** The author may still add and remove files (see AttachmentsService.mayChange). */
  canAttach: boolean;
  attachForm?: FormState;
  merges: PendingMergeRow[];
  /** A refused answer to a merge request (it was declined or merged meanwhile). */
  mergeErrors?: FormState['errors'];
  /** What this proposal was merged into, once it was. */
  mergedInto?: ProjectRow;
}) {
  const { ctx, cycle, project, district, comments, open, form, hideForm, attachments, canAttach } = props;
  const attachForm = props.attachForm ?? { values: {}, errors: [] };
  const filesBase = `/budgeting/projects/${project.id}/attachments`;
  const { t } = ctx;
  const title = `${project.code} · ${pickText(project.title, ctx.locale)}`;
  const moderator = BudgetingPolicy.can(ctx.actor, 'comments.moderate');
  const description = pickText(project.description, ctx.locale);
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/budgeting/${cycle.id}#project-${project.code}`}>{pickText(cycle.title, ctx.locale)}</a>
      </p>
      <h1>{title}</h1>
      <p>
        <span class="badge">{t(`budgeting.project.status.${project.status}`)}</span>{' '}
        {district ? <>{pickText(district.name, ctx.locale)} · </> : null}
        {t('budgeting.project.cost', { cost: money(ctx, cycle, project.estimatedCost) })} ·{' '}
        {t('budgeting.project.supports', { count: project.supports })}
      </p>
      {description ? <p>{description}</p> : null}
      {project.location ? <p>{t('budgeting.project.location', { location: project.location })}</p> : null}
      {props.mergedInto ? (
        <p>
          {t('budgeting.project.merged-into')}{' '}
          <a href={`/budgeting/projects/${props.mergedInto.id}`}>
            {props.mergedInto.code} · {pickText(props.mergedInto.title, ctx.locale)}
          </a>
        </p>
      ) : null}
      <MergeRequests ctx={ctx} project={project} merges={props.merges} errors={props.mergeErrors ?? []} />
      {project.status === 'rejected' && project.rejectionReason ? (
        <p>{t('budgeting.project.reason', { reason: pickText(project.rejectionReason, ctx.locale) })}</p>
      ) : null}
      {attachments.length || canAttach || attachForm.errors.length ? (
        <section aria-labelledby="files">
          <h2 id="files">{t('budgeting.files.title', { count: attachments.length })}</h2>
          <AttachmentList
            ctx={ctx}
            attachments={attachments}
            removeBase={canAttach ? filesBase : undefined}
          />
          {/* A refused upload shows its form again, so the reason sits next to the file field. */}
          {canAttach && (attachments.length < MAX_ATTACHMENTS || attachForm.errors.length) ? (
            <form method="post" action={filesBase} enctype="multipart/form-data" novalidate>
              <CsrfField ctx={ctx} />
              <ErrorSummary ctx={ctx} errors={attachForm.errors} />
              <AttachmentInputs
                ctx={ctx}
                fileField="file"
                captionField="caption"
                caption={attachForm.values['caption'] ?? ''}
                errors={attachForm.errors}
              />
              <button type="submit" class="secondary">
                {t('budgeting.files.add', { max: MAX_ATTACHMENTS })}
              </button>
            </form>
          ) : canAttach ? (
            <p class="hint">{t('budgeting.files.full', { max: MAX_ATTACHMENTS })}</p>
          ) : (
            // A post that came too late (review has begun): there is no form left to show it beside.
            <ErrorSummary ctx={ctx} errors={attachForm.errors} />
          )}
        </section>
      ) : null}
      <h2 id="comments">{t('budgeting.comments.title', { count: comments.length })}</h2>
      {comments.length === 0 ? <p>{t('budgeting.comments.none')}</p> : null}
      <ol class="comments">
        {comments.map((c) => (
          <li key={c.id} id={`comment-${c.id}`}>
            <p class="hint">
              <strong>{c.authorName}</strong> ·{' '}
              <time dateTime={new Date(c.createdAt).toISOString()}>
                {ctx.i18n.formatDate(ctx.locale, new Date(c.createdAt), 'datetime')}
              </time>
            </p>
            {c.hiddenReason !== null ? (
              <p>
                <em>{t('budgeting.comments.hidden', { reason: c.hiddenReason })}</em>
              </p>
            ) : (
              <p class="comment-body">{c.body}</p>
            )}
            {moderator && c.hiddenReason === null ? (
              <HideCommentForm ctx={ctx} comment={c} form={hideForm} />
            ) : null}
          </li>
        ))}
      </ol>
      {!open ? (
        <p role="status">{t('budgeting.comments.closed')}</p>
      ) : ctx.actor ? (
        <>
          <ErrorSummary ctx={ctx} errors={form.errors} />
          <form method="post" action={`/budgeting/projects/${project.id}/comments`} novalidate>
            <CsrfField ctx={ctx} />
            <Field
              id="body"
              label={t('budgeting.comments.yours')}
              hint={t('budgeting.comments.hint', { max: COMMENT_MAX })}
              errors={form.errors}
            >
              {(describedBy, invalid) => (
                <textarea
                  id="body"
                  name="body"
                  rows={4}
                  maxLength={COMMENT_MAX}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                >
                  {form.values['body'] ?? ''}
                </textarea>
              )}
            </Field>
            <button type="submit">{t('budgeting.comments.submit')}</button>
          </form>
        </>
      ) : (
        <p>
          <a href={`/sign-in?next=/budgeting/projects/${project.id}`}>{t('budgeting.comments.sign-in')}</a>
        </p>
      )}
    </Layout>
  );
}
