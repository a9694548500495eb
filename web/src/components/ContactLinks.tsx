// A contact's phone and email as links that act: tap to call (tel:), click to write (mailto:). A
// contact who asked not to be contacted gets the plain text, nothing to click.

interface Props {
  value: string;
  /** Do not contact: shown, not linked. */
  quiet?: boolean;
}

/** A phone number to call, or (`text`) to write a text message to. */
export function PhoneLink({ value, quiet = false, text = false }: Props & { text?: boolean }) {
  if (quiet) return <>{value}</>;
  return (
    <a className="tel" href={`${text ? 'sms' : 'tel'}:${value.replace(/[^\d+]/g, '')}`}>
      {value}
    </a>
  );
}

export function EmailLink({ value, quiet = false }: Props) {
  if (quiet) return <>{value}</>;
  return (
    <a className="mailto" href={`mailto:${value}`}>
      {value}
    </a>
  );
}
