// Child-process probe: drives the real @actions/artifact client against the fake, because the
// client reads its environment (and @actions/github its API URL) when first imported.
// Input: PROBE_ARGS (JSON). Output: a last line `PROBE_RESULT <json>` or `PROBE_ERROR <message>`.
import { DefaultArtifactClient } from '@actions/artifact'

const args = JSON.parse(process.env.PROBE_ARGS ?? '{}')
const client = new DefaultArtifactClient()
const findBy = args.findBy
try {
  let result
  if (args.op === 'upload') {
    result = await client.uploadArtifact(args.name, args.files, args.root, args.options ?? {})
  } else if (args.op === 'list') {
    result = await client.listArtifacts({ findBy })
  } else if (args.op === 'download') {
    result = await client.downloadArtifact(args.id, {
      path: args.path,
      findBy,
      skipDecompress: args.skipDecompress
    })
  } else if (args.op === 'delete') {
    result = await client.deleteArtifact(args.name)
  } else {
    throw new Error(`unknown op ${args.op}`)
  }
  process.stdout.write(`\nPROBE_RESULT ${JSON.stringify(result)}\n`)
} catch (e) {
  process.stdout.write(
    `\nPROBE_ERROR ${String(e && e.message ? e.message : e).replace(/\n/g, ' ')}\n`
  )
}
