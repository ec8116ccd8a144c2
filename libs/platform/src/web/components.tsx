import type { ComponentChildren } from 'preact';
import { LOCALES, Locale } from '../config/app-config';
import type { FieldError } from '../errors/domain-error';
import type { LocalizedText } from '../i18n/localized-text';
import type { PageContext } from './page-context';

/** Form field with its label, hint and error tied together for screen readers. */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  errors?: FieldError[];
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}) {
  const errors = props.errors?.filter((error) => error.field === props.id) ?? [];
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = errors.length ? `${props.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={errors.length ? 'field field-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {errors.length ? (
        <p class="error-message" id={errorId}>
          {errors.map((error) => error.message).join(' ')}
        </p>
      ) : null}
      {props.children(describedBy, errors.length > 0)}
    </div>
  );
}

/** The input types the shared field renders; anything richer composes `Field` itself. */
export type InputFieldType = 'text' | 'number' | 'url' | 'email' | 'date' | 'datetime-local';

/**
 * A labelled single-line input with its hint and error (`Field` plus the input staff forms repeat). `name`
 * defaults to `id`; pages with one form per row keep ids unique and names plain. Numbers get the numeric
 * keypad on phones and a floor of 0 unless told otherwise.
 */
export function InputField(props: {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  errors?: FieldError[];
  value?: string;
  type?: InputFieldType;
  inputMode?: 'numeric' | 'text';
  min?: string;
  max?: string;
  maxLength?: number;
  autoFocus?: boolean;
  autoComplete?: string;
}) {
  const type = props.type ?? 'text';
  const number = type === 'number';
  return (
    <Field id={props.id} label={props.label} hint={props.hint} errors={props.errors}>
      {(describedBy, invalid) => (
        <input
          type={type}
          inputMode={props.inputMode ?? (number ? 'numeric' : undefined)}
          id={props.id}
          name={props.name ?? props.id}
          min={number ? (props.min ?? '0') : props.min}
          max={props.max}
          maxLength={props.maxLength}
          autoFocus={props.autoFocus}
          autoComplete={props.autoComplete}
          value={props.value ?? ''}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        />
      )}
    </Field>
  );
}

/** A labelled select with its hint and error; `value` picks the selected option. */
export function SelectField(props: {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  errors?: FieldError[];
  value?: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} errors={props.errors}>
      {(describedBy, invalid) => (
        <select
          id={props.id}
          name={props.name ?? props.id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        >
          {props.options.map((option) => (
            <option key={option.value} value={option.value} selected={props.value === option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A yes/no checkbox posting `yes` when ticked, its label after the box as people read it. */
export function CheckboxField(props: { id: string; name?: string; label: string; checked: boolean }) {
  return (
    <div class="field">
      <input
        type="checkbox"
        id={props.id}
        name={props.name ?? props.id}
        value="yes"
        checked={props.checked}
      />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}

/**
 * A fieldset of related inputs (a budget per village, a set of checks) with one hint and one error line:
 * errors on `<id>` or any `<id>.…`/`<id>[…]` sub-field land here, since the inputs inside are too many to
 * carry one each. The fieldset is described by its error when there is one, else by its hint.
 */
export function FieldGroup(props: {
  id: string;
  legend: string;
  hint?: string;
  errors?: FieldError[];
  children: ComponentChildren;
}) {
  const errors = props.errors?.filter((error) => error.field.startsWith(props.id)) ?? [];
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = errors.length ? `${props.id}-error` : undefined;
  return (
    <fieldset
      id={props.id}
      class={errors.length ? 'field field-error' : 'field'}
      aria-describedby={errorId ?? hintId}
    >
      <legend>{props.legend}</legend>
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {errors.length ? (
        <p class="error-message" id={errorId}>
          {errors.map((error) => error.message).join(' ')}
        </p>
      ) : null}
      {props.children}
    </fieldset>
  );
}

/** A table with column headings and a row heading per row, the shape of every listing on staff pages. */
export function DataTable(props: {
  caption?: string;
  columns: readonly string[];
  rows: readonly { key: string; head: ComponentChildren; cells: readonly ComponentChildren[] }[];
}) {
  return (
    <div class="table-scroll">
      <table>
        {props.caption ? <caption>{props.caption}</caption> : null}
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.head}</th>
              {row.cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The list of problems at the top of a form, each linking to its field. */
export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors?: FieldError[] }) {
  if (!errors?.length) {
    return null;
  }
  return (
    <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{ctx.t('platform.form.errors-summary', { count: errors.length })}</h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.field}-${error.message}`}>
            <a href={`#${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A hidden CSRF field for every form that changes something. */
export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/** An inline SVG progress bar (petition threshold, budget used) that needs no script or image request. */
export function ProgressBar(props: { value: number; max: number; label: string }) {
  const ratio = props.max > 0 ? Math.min(1, props.value / props.max) : 0;
  return (
    <svg class="progress" role="img" aria-label={props.label} viewBox="0 0 100 6" preserveAspectRatio="none">
      <rect width="100" height="6" rx="3" class="progress-track" />
      <rect width={String(Math.round(ratio * 1000) / 10)} height="6" rx="3" class="progress-fill" />
    </svg>
  );
}

const LANGUAGE_LABELS: Record<Locale, string> = {
  ka: 'ქართული',
  az: 'Azərbaycanca',
  hy: 'Հայերեն',
  en: 'English',
};

/**
 * One staff-written text in every language at once: a fieldset with a labelled input per language, so no
 * language hides behind a tab and a save error stays next to the field it concerns. Field names are
 * `<name>.<locale>` (e.g. `title.az`); `parseLocalizedText` turns the posted form back into a LocalizedText.
 */
export function LocalizedTextFields(props: {
  ctx: PageContext;
  name: string;
  legend: string;
  value?: LocalizedText;
  errors?: FieldError[];
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
}) {
  const errors = props.errors?.filter(
    (error) => error.field === props.name || error.field.startsWith(`${props.name}.`),
  );
  const errorId = errors?.length ? `${props.name}-error` : undefined;
  return (
    <fieldset class={errors?.length ? 'field localized field-error' : 'field localized'} id={props.name}>
      <legend>{props.legend}</legend>
      {errors?.length ? (
        <p class="error-message" id={errorId}>
          {errors.map((error) => error.message).join(' ')}
        </p>
      ) : null}
      {LOCALES.map((locale) => {
        const id = `${props.name}.${locale}`;
        const common = {
          id,
          name: id,
          lang: locale,
          maxLength: props.maxLength,
          'aria-describedby': errorId,
          required: props.required && locale === props.ctx.i18n.defaultLocale,
        };
        return (
          <div class="localized-row" key={locale}>
            <label for={id}>{LANGUAGE_LABELS[locale]}</label>
            {props.multiline ? (
              <textarea {...common}>{props.value?.[locale] ?? ''}</textarea>
            ) : (
              <input type="text" {...common} value={props.value?.[locale] ?? ''} />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

/** Reads `<name>.<locale>` form fields back into a LocalizedText, dropping empty languages. */
export function parseLocalizedText(body: Record<string, unknown>, name: string): LocalizedText {
  const text: LocalizedText = {};
  for (const locale of LOCALES) {
    const value = body[`${name}.${locale}`];
    if (typeof value === 'string' && value.trim() !== '') {
      text[locale] = value.trim();
    }
  }
  return text;
}
