import {
  CsrfField,
  Field,
  FieldError,
  formatFileSize,
  mediaTypeLabel,
  PageContext,
} from '@chartuloba/platform';
import { thumbnailSize } from '../domain/image-size';
import { CAPTION_MAX, type AttachmentView, type PhotoView } from '../services/attachments.service';

/** Thumbnails fit this box: a few KB of layout on a phone, the full picture one tap away. */
const THUMBNAIL_BOX = 240;

const IMAGE_ACCEPT = 'image/jpeg,image/png,image/webp';

function Thumbnail(props: { href: string; alt: string; width: number | null; height: number | null }) {
  const size =
    props.width && props.height
      ? thumbnailSize({ width: props.width, height: props.height }, THUMBNAIL_BOX)
      : null;
  return (
    <a href={props.href}>
      <img
        src={props.href}
        alt={props.alt}
        width={size?.width}
        height={size?.height}
        loading="lazy"
        decoding="async"
      />
    </a>
  );
}

/** A proposal's files: images as thumbnails described by their caption (or name), PDFs as links with their size. */
export function AttachmentList(props: {
  ctx: PageContext;
  attachments: AttachmentView[];
  /** Where each file's remove form posts, when the viewer may remove them. */
  removeBase?: string;
}) {
  const { ctx, attachments } = props;
  const { t } = ctx;
  if (!attachments.length) {
    return null;
  }
  return (
    <ul class="documents attachments">
      {attachments.map((a) => {
        const label = a.caption ?? a.file.filename;
        return (
          <li key={a.id} id={`attachment-${a.id}`}>
            {a.file.mediaType.startsWith('image/') ? (
              <figure>
                <Thumbnail href={a.href} alt={label} width={a.width} height={a.height} />
                {a.caption ? <figcaption>{a.caption}</figcaption> : null}
              </figure>
            ) : (
              <>
                <a href={a.href} download={a.file.filename}>
                  {label}
                </a>{' '}
                <span class="muted">
                  (
                  {t('budgeting.files.meta', {
                    type: mediaTypeLabel(a.file.mediaType),
                    size: formatFileSize(a.file.size),
                  })}
                  )
                </span>
              </>
            )}
            {props.removeBase ? (
              <form method="post" action={`${props.removeBase}/${a.id}/remove`} class="inline-form">
                <CsrfField ctx={ctx} />
                <button type="submit" class="secondary">
                  {t('budgeting.files.remove', { name: label })}
                </button>
              </form>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** A file input with its label, hint and error, as the shared fields render theirs. */
export function FileField(props: {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  errors?: FieldError[];
  imagesOnly?: boolean;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} errors={props.errors}>
      {(describedBy, invalid) => (
        <input
          type="file"
          id={props.id}
          name={props.name ?? props.id}
          accept={props.imagesOnly ? IMAGE_ACCEPT : `application/pdf,.pdf,${IMAGE_ACCEPT}`}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      )}
    </Field>
  );
}

/** The file and its caption, on the proposal form and on the author's "add a file" form. */
export function AttachmentInputs(props: {
  ctx: PageContext;
  fileField: string;
  captionField: string;
  caption: string;
  errors: FieldError[];
}) {
  const { ctx, errors } = props;
  const { t } = ctx;
  return (
    <>
      <FileField
        id={props.fileField}
        label={t('budgeting.files.file')}
        hint={t('budgeting.files.file-hint')}
        errors={errors}
      />
      <Field
        id={props.captionField}
        label={t('budgeting.files.caption')}
        hint={t('budgeting.files.caption-hint')}
        errors={errors}
      >
        {(describedBy, invalid) => (
          <input
            type="text"
            id={props.captionField}
            name={props.captionField}
            maxLength={CAPTION_MAX}
            value={props.caption}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          />
        )}
      </Field>
    </>
  );
}

/** Photos of one implementation update: uploads as thumbnails, links kept from before as links. */
export function UpdatePhotos(props: { ctx: PageContext; photos: PhotoView[] | undefined; alt: string }) {
  const { ctx } = props;
  if (!props.photos?.length) {
    return null;
  }
  return (
    <span class="update-photos">
      {props.photos.map((p) =>
        p.uploaded ? (
          <Thumbnail key={p.id} href={p.href} alt={props.alt} width={p.width} height={p.height} />
        ) : (
          <a key={p.id} href={p.href}>
            {ctx.t('budgeting.files.photo-link')}
          </a>
        ),
      )}
    </span>
  );
}

/** Staff's view of an update's photos: each one listed with a button that removes it, naming it. */
export function UpdatePhotoList(props: {
  ctx: PageContext;
  photos: PhotoView[] | undefined;
  alt: string;
  removeBase: string;
}) {
  const { ctx } = props;
  if (!props.photos?.length) {
    return null;
  }
  return (
    <ul class="documents update-photos">
      {props.photos.map((p) => (
        <li key={p.id} id={`update-photo-${p.id}`}>
          {p.uploaded ? (
            <Thumbnail href={p.href} alt={props.alt} width={p.width} height={p.height} />
          ) : (
            <a href={p.href}>{ctx.t('budgeting.files.photo-link')}</a>
          )}
          <form method="post" action={`${props.removeBase}/${p.id}/remove`} class="inline-form">
            <CsrfField ctx={ctx} />
            <button type="submit" class="secondary">
              {ctx.t('budgeting.staff.photo-remove', { name: p.name })}
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
