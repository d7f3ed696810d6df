import { DefaultArtifactClient } from '@actions/artifact'
import * as core from '@actions/core'
import type { Config } from '../domain/config.js'
import type { RunContext } from '../domain/context.js'
import { artifactNameFor, uploadResultsArtifact } from '../github/artifact-upload.js'
import { CommentPermissionError, READ_ONLY_TOKEN_HINT } from '../github/comment-store.js'
import {
  createGitHubClient,
  fetchPullHeadSha,
  OctokitCommentStore
} from '../github/octokit-store.js'
import { upsertStickyComment } from '../github/sticky.js'
import type { Logger } from '../ports.js'
import type { Publisher } from '../publish.js'

/** Publishes to GitHub: the artifact service, the PR comment, the job summary and step outputs. */
export function createGitHubPublisher(o: {
  config: Config
  ctx: RunContext
  logger: Logger
}): Publisher {
  const { config, ctx, logger } = o
  const repository = `${ctx.owner}/${ctx.repo}`
  return {
    async uploadArtifact(files, rootDir) {
      const name = artifactNameFor({
        prefix: config.artifactName,
        job: ctx.job || 'job',
        shard: config.shard,
        variant: config.commentHeader || undefined,
        attempt: ctx.runAttempt
      })
      const uploaded = await uploadResultsArtifact(new DefaultArtifactClient(), {
        name,
        files,
        rootDir,
        retentionDays: config.artifactRetentionDays || undefined,
        logger,
        links: ctx.runId ? { serverUrl: ctx.serverUrl, repository, runId: ctx.runId } : undefined
      })
      return uploaded ? { url: uploaded.url } : null
    },

    async upsertComment(body, report) {
      const pullNumber = report.repo.prNumber
      if (pullNumber === null) return null
      if (!config.githubToken) {
        logger.warning(
          'No github-token: the PR comment was skipped (the summary and artifact carry the report).'
        )
        return null
      }
      const gh = createGitHubClient({ token: config.githubToken, baseUrl: ctx.apiUrl, logger })
      const where = { owner: ctx.owner, repo: ctx.repo }
      try {
        const res = await upsertStickyComment({
          store: new OctokitCommentStore(gh, { ...where, issueNumber: pullNumber }),
          header: config.commentHeader,
          headSha: report.repo.headSha,
          currentHeadSha: () => fetchPullHeadSha(gh, { ...where, pullNumber }),
          body,
          logger
        })
        logger.info(`PR comment ${res.action}: ${res.comment.url}`)
        return { url: res.comment.url }
      } catch (e) {
        // One warning, with the fix; the verdict, summary and artifact are unaffected.
        if (e instanceof CommentPermissionError) logger.warning(READ_ONLY_TOKEN_HINT)
        else logger.warning(`Could not write the PR comment: ${(e as Error).message}`)
        return null
      }
    },

    async writeSummary(markdown) {
      if (!process.env.GITHUB_STEP_SUMMARY) return
      await core.summary.addRaw(markdown, true).write({ overwrite: true })
    },

    setOutput(name, value) {
      core.setOutput(name, value)
    }
  }
}
