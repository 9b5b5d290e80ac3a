/** Label–value pairs of a person's record; stacks on narrow screens. */
export function DetailsList({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="details">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
