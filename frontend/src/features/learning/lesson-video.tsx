type Video = { src: string; captions: string; transcript: string };

/** A lesson's video with its Vietnamese captions and, folded below, its transcript. */
export function LessonVideo({ video, transcriptLabel }: { video: Video; transcriptLabel: string }) {
  return (
    <figure className="lesson-video">
      <video controls preload="metadata" src={video.src}>
        <track kind="captions" src={video.captions} srcLang="vi" label="Tiếng Việt" default />
      </video>
      <details>
        <summary>{transcriptLabel}</summary>
        <p className="transcript">{video.transcript}</p>
      </details>
    </figure>
  );
}
