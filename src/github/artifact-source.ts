/**
 * Lists and downloads the artifacts of another workflow run (report mode) through
 * @actions/artifact's `findBy` (GitHub REST with the token). Downloads are never extracted: the
 * zip is saved as one file for `readZipEntries` to inspect.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

export interface RunArtifact {
  id: number
  name: string
  /** Bytes, as the API reports them. */
  size: number
  createdAt: Date | null
  /** `sha256:<hex>` when the API reports one. */
  digest: string | null
}

/** Where report mode gets the triggering run's artifacts from. */
export interface RunArtifactSource {
  list(runId: number): Promise<RunArtifact[]>
  /** Save the artifact's zip, unextracted, inside `destDir` (empty); resolve to its path. */
  downloadZip(artifact: RunArtifact, runId: number, destDir: string): Promise<string>
}

interface FindBy {
  token: string
  workflowRunId: number
  repositoryOwner: string
  repositoryName: string
}

/** The part of @actions/artifact's `DefaultArtifactClient` used here. */
export interface ArtifactDownloadClient {
  listArtifacts(o: { findBy: FindBy }): Promise<{
    artifacts: { id: number; name: string; size: number; createdAt?: Date; digest?: string }[]
  }>
  downloadArtifact(
    id: number,
    o: { path: string; findBy: FindBy; skipDecompress: boolean; expectedHash?: string }
  ): Promise<{ downloadPath?: string; digestMismatch?: boolean }>
}

/** A `RunArtifactSource` over @actions/artifact (pass `new DefaultArtifactClient()`). */
export function actionsArtifactSource(
  client: ArtifactDownloadClient,
  repo: { token: string; owner: string; repo: string }
): RunArtifactSource {
  const findBy = (runId: number): FindBy => ({
    token: repo.token,
    workflowRunId: runId,
    repositoryOwner: repo.owner,
    repositoryName: repo.repo
  })
  return {
    async list(runId) {
      const { artifacts } = await client.listArtifacts({ findBy: findBy(runId) })
      return artifacts.map((a) => ({
        id: a.id,
        name: a.name,
        size: a.size,
        createdAt: a.createdAt ?? null,
        digest: a.digest ? (a.digest.startsWith('sha256:') ? a.digest : `sha256:${a.digest}`) : null
      }))
    },
    async downloadZip(artifact, runId, destDir) {
      const res = await client.downloadArtifact(artifact.id, {
        path: destDir,
        findBy: findBy(runId),
        skipDecompress: true,
        ...(artifact.digest ? { expectedHash: artifact.digest } : {})
      })
      if (res.digestMismatch)
        throw new Error(`artifact ${artifact.name}: digest does not match the listed one`)
      const files = await fs.readdir(destDir)
      if (files.length !== 1)
        throw new Error(
          `artifact ${artifact.name}: expected one downloaded file, found ${files.length}`
        )
      return path.join(destDir, files[0])
    }
  }
}
