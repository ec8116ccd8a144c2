import { Field, FieldError } from '@chartuloba/platform';

/** What a refused form post showed: the values to put back and the problems next to their fields. */
export interface FormState {
  values: Record<string, unknown>;
  errors: FieldError[];
}

export const EMPTY: FormState = { values: {}, errors: [] };
/** Which form on a page with several a failed post belongs to, so only that one shows its errors and values. */
export interface NamedForm extends FormState {
  name: string;
}

/** A posted string value, or '' when the field was absent or not a string. */
export const formString = (form: FormState, name: string): string => {
  const value = form.values[name];
  return typeof value === 'string' ? value : '';
};

/** A posted per-language text (already parsed), or undefined. */
export const formText = (form: FormState, name: string): Record<string, string> | undefined => {
  const value = form.values[name];
  return value && typeof value === 'object' ? (value as Record<string, string>) : undefined;
};

/** A one-line input that shows back what was posted when its form was refused, else `value`. */
export function TextInput(props: {
  id: string;
  label: string;
  form?: NamedForm;
  type?: string;
  hint?: string;
  required?: boolean;
  value?: string;
}) {
  const value = props.form?.values[props.id];
  return (
    <Field id={props.id} label={props.label} hint={props.hint} errors={props.form?.errors}>
      {(describedBy, invalid) => (
        <input
          type={props.type ?? 'text'}
          id={props.id}
          name={props.id}
          required={props.required}
          value={typeof value === 'string' ? value : (props.value ?? '')}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      )}
    </Field>
  );
}

/** A PDF picker; the type is checked on the server from the bytes, `accept` only helps the file dialog. */
export function PdfInput(props: {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  errors?: FieldError[];
  required?: boolean;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} errors={props.errors}>
      {(describedBy, invalid) => (
        <input
          type="file"
          id={props.id}
          name={props.name ?? props.id}
          accept="application/pdf,.pdf"
          required={props.required}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      )}
    </Field>
  );
}
