import { type ComponentProps, type ReactNode, useId } from 'react';

type FieldShell = { label: string; hint?: string; error?: string; required?: boolean };

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

function Messages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

function Label({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={htmlFor}>
      {label}
      {required && <span aria-hidden="true"> *</span>}
    </label>
  );
}

/** A labelled input whose hint and error are announced with it. `name` doubles as the id. */
export function TextField({ label, hint, error, required, name, ...input }: FieldShell & ComponentProps<'input'> & { name: string }) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <Label htmlFor={name} label={label} required={required} />
      <Messages id={name} hint={hint} error={error} />
      <input id={name} name={name} aria-invalid={error ? true : undefined} aria-required={required || undefined} aria-describedby={describedBy(name, hint, error)} {...input} />
    </div>
  );
}

/** A labelled multi-line text, like TextField. */
export function TextAreaField({ label, hint, error, required, name, ...area }: FieldShell & ComponentProps<'textarea'> & { name: string }) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <Label htmlFor={name} label={label} required={required} />
      <Messages id={name} hint={hint} error={error} />
      <textarea id={name} name={name} aria-invalid={error ? true : undefined} aria-required={required || undefined} aria-describedby={describedBy(name, hint, error)} {...area} />
    </div>
  );
}

/** A labelled file chooser; `name` doubles as the id. */
export function FileField({ label, hint, error, required, name, ...input }: FieldShell & Omit<ComponentProps<'input'>, 'type'> & { name: string }) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <Label htmlFor={name} label={label} required={required} />
      <Messages id={name} hint={hint} error={error} />
      <input type="file" id={name} name={name} aria-invalid={error ? true : undefined} aria-required={required || undefined} aria-describedby={describedBy(name, hint, error)} {...input} />
    </div>
  );
}

export function SelectField({ label, hint, error, required, name, children, ...select }: FieldShell & ComponentProps<'select'> & { name: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <Label htmlFor={name} label={label} required={required} />
      <Messages id={name} hint={hint} error={error} />
      <select id={name} name={name} aria-invalid={error ? true : undefined} aria-required={required || undefined} aria-describedby={describedBy(name, hint, error)} {...select}>
        {children}
      </select>
    </div>
  );
}

/** Radio buttons in a fieldset; the legend is the question. */
export function RadioGroup({ legend, name, options, error, required, inputProps }: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  error?: string;
  required?: boolean;
  inputProps: (value: string) => ComponentProps<'input'>;
}) {
  const id = useId();
  return (
    <fieldset className={`field${error ? ' has-error' : ''}`} id={name} aria-describedby={error ? `${id}-error` : undefined} tabIndex={-1}>
      <legend>
        {legend}
        {required && <span aria-hidden="true"> *</span>}
      </legend>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {options.map((o) => (
        <label className="choice" key={o.value}>
          <input type="radio" value={o.value} name={name} {...inputProps(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function Checkbox({ label, name, error, ...input }: { label: string; name: string; error?: string } & ComponentProps<'input'>) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      {error && (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
      <label className="choice">
        <input type="checkbox" id={name} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${name}-error` : undefined} {...input} />
        <span>{label}</span>
      </label>
    </div>
  );
}
