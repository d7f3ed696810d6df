/**
 * Hidden markers that make the PR comment findable and say which head commit it describes.
 * Format (kept in step with src/render): `<!-- go-race-gc-guard:sticky:<header> -->` on the first
 * line, then `<!-- go-race-gc-guard:head:<sha> -->`.
 */

const PREFIX = 'go-race-gc-guard'

/** Make a header safe inside an HTML comment (no `--`, `>`, or line breaks). */
function safeHeader(header: string): string {
  return (
    header
      .replace(/[\r\n]+/g, ' ')
      .replace(/-{2,}/g, '-')
      .replace(/>/g, '')
      .trim()
      // Both markers must fit in the zone readHeadSha looks at.
      .slice(0, 100)
  )
}

/** The sticky marker for a `comment-header` ('' for the default comment). */
export function commentMarker(header: string): string {
  return `<!-- ${PREFIX}:sticky:${safeHeader(header)} -->`
}

/** The metadata marker naming the PR head commit the comment describes. */
export function headMarker(sha: string): string {
  return `<!-- ${PREFIX}:head:${sha} -->`
}

/** How far into a body the markers are looked for: they sit at the top, PR text comes later. */
const MARKER_ZONE = 400

/**
 * True when the body starts with the sticky marker of this header. Only the very start counts:
 * later text (build output in a code block) is the PR's and could quote another header's marker.
 */
export function hasCommentMarker(body: string, header: string): boolean {
  return body.trimStart().startsWith(commentMarker(header))
}

/** The head SHA a body was written for, or null. */
export function readHeadSha(body: string): string | null {
  const m = new RegExp(`<!-- ${PREFIX}:head:([0-9a-f]{7,64}) -->`).exec(body.slice(0, MARKER_ZONE))
  return m ? m[1] : null
}

/**
 * Put both markers at the very top (the renderer may already have put the sticky one there).
 * Returns the body unchanged when both are present.
 */
export function withMarkers(body: string, header: string, headSha: string | null): string {
  let out = hasCommentMarker(body, header) ? body : `${commentMarker(header)}\n${body}`
  if (headSha && readHeadSha(out) === null) {
    const first = commentMarker(header)
    const at = out.indexOf(first) + first.length
    out = `${out.slice(0, at)}\n${headMarker(headSha)}${out.slice(at)}`
  }
  return out
}

/** Characters `withMarkers` may add; body factories get this much less room. */
export const MARKER_OVERHEAD = 200
