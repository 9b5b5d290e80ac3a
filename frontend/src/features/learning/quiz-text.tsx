type Props = { text: string; html?: string };

/**
 * A quiz text as its author formatted it: the HTML the server's lesson renderer made (the only path to
 * markup; raw HTML of the source never gets there), or the plain text when the source has no formatting.
 */
export function QuizText({ text, html }: Props) {
  return html === undefined ? <>{text}</> : <span className="quiz-text" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A formatted prompt or explanation: block markup (paragraphs, lists) in a div. */
export function QuizBlock({ text, html, id, className }: Props & { id?: string; className?: string }) {
  return html === undefined ? (
    <p id={id} className={className}>
      {text}
    </p>
  ) : (
    <div id={id} className={`quiz-text ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
