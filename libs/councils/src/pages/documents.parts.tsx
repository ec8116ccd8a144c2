import { CsrfField, formatFileSize, mediaTypeLabel, PageContext, pickText } from '@chartuloba/platform';
import type { DocumentView } from '../services/councils-read.service';
import { Text } from './parts';

/**
 * A session's papers with their type and size. `hrefOf` gives where each downloads (the public route, or
 * the staff route for a session not yet public); with `removeBase`, each gets its own remove form.
 */
export function DocumentList(props: {
  ctx: PageContext;
  documents: DocumentView[];
  hrefOf: (document: DocumentView) => string;
  removeBase?: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <ul class="documents">
      {props.documents.map((d) => (
        <li key={d.id}>
          <a href={d.file ? props.hrefOf(d) : (d.url ?? '#')} download={d.file ? d.file.filename : undefined}>
            <Text ctx={ctx} text={d.title} />
          </a>{' '}
          {d.file ? (
            <span class="muted">
              (
              {t('councils.session.document-meta', {
                type: mediaTypeLabel(d.file.mediaType),
                size: formatFileSize(d.file.size),
              })}
              )
            </span>
          ) : null}
          {props.removeBase ? (
            <form method="post" action={`${props.removeBase}/${d.id}/remove`} class="inline-form">
              <CsrfField ctx={ctx} />
              <button type="submit" class="secondary">
                {t('councils.admin.remove-document', { title: pickText(d.title, ctx.locale) })}
              </button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
