import type { Config } from './domain/config.js'
import type { Report } from './domain/model.js'
import type { OutputName } from './config/defaults.js'
import type { Logger } from './ports.js'
import { selectAnnotations } from './render/annotations.js'
import { renderComment } from './render/comment.js'
import { renderSummary } from './render/summary.js'

/** Where a report goes; main.ts wires GitHub, the CLI wires files and stdout. */
export interface Publisher {
  /** Uploads the files under rootDir; null when skipped or failed (the adapter warns). */
  uploadArtifact(files: string[], rootDir: string): Promise<{ url: string | null } | null>
  /** Creates or updates the sticky comment; null when skipped or not permitted (the adapter warns). */
  upsertComment(body: (maxChars: number) => string, report: Report): Promise<{ url: string } | null>
  writeSummary(markdown: string): Promise<void>
  setOutput(name: OutputName, value: string): void
}

/**
 * Report → artifact, comment, summary, annotations, outputs. Each channel fails on its own: a
 * failed upload or comment warns and the others still happen. Returns the report with the
 * artifact URL filled in.
 */
export async function publishReport(
  report: Report,
  opts: { config: Config; files: string[]; outDir: string; reportPath: string },
  deps: { publisher: Publisher; logger: Logger }
): Promise<{ report: Report; commentUrl: string | null }> {
  const { publisher, logger } = deps
  const { config } = opts
  let out = report
  if (opts.files.length > 0) {
    const uploaded = await publisher.uploadArtifact(opts.files, opts.outDir)
    if (uploaded) out = { ...out, artifact: { name: config.artifactName, url: uploaded.url } }
  }
  let commentUrl: string | null = null
  if (config.comment && out.repo.prNumber !== null) {
    const posted = await publisher.upsertComment(
      (maxChars) => renderComment(out, { maxChars }),
      out
    )
    commentUrl = posted?.url ?? null
  }
  try {
    await publisher.writeSummary(renderSummary(out))
  } catch (e) {
    logger.warning(`Could not write the job summary: ${(e as Error).message}`)
  }
  for (const a of selectAnnotations(out)) {
    const props = { title: a.title, file: a.file, startLine: a.startLine }
    if (a.level === 'error') logger.error(a.message, props)
    else if (a.level === 'warning') logger.warning(a.message, props)
    else logger.notice(a.message, props)
  }
  const c = out.verdict.counts
  publisher.setOutput('verdict', out.verdict.status)
  publisher.setOutput('new-races', String(c.newRaces))
  publisher.setOutput('existing-races', String(c.existingRaces))
  publisher.setOutput('fixed-races', String(c.fixedRaces))
  publisher.setOutput('regressions', String(c.regressions))
  publisher.setOutput('improvements', String(c.improvements))
  publisher.setOutput('report', opts.reportPath)
  publisher.setOutput('comment-url', commentUrl ?? '')
  publisher.setOutput('artifact-url', out.artifact?.url ?? '')
  return { report: out, commentUrl }
}
