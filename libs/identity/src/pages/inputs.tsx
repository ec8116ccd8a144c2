import { Field, FieldError } from '@chartuloba/platform';

export interface TextInputProps {
  id: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'number' | 'search';
  value?: string;
  hint?: string;
  errors?: FieldError[];
  autocomplete?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
}

/** A labelled input with its hint and error; the name equals the id so errors link to the field. */
export function TextInput(props: TextInputProps) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} errors={props.errors}>
      {(describedBy, invalid) => (
        <input
          id={props.id}
          name={props.id}
          type={props.type ?? 'text'}
          value={props.type === 'password' ? undefined : props.value}
          autoComplete={props.autocomplete}
          required={props.required}
          inputMode={props.inputMode}
          maxLength={props.maxLength}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        />
      )}
    </Field>
  );
}
