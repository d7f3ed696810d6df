// A stand-in action entry for the harness's own tests: echoes inputs and environment through
// the real @actions/core file commands, and exits with INPUT_EXIT-CODE.
import * as core from '@actions/core'

core.setOutput('token-present', core.getInput('github-token') ? 'yes' : 'no')
core.setOutput('mode', core.getInput('mode'))
core.setOutput('multi', 'line one\nline two')
core.setOutput(
  'env',
  JSON.stringify({
    event: process.env.GITHUB_EVENT_NAME,
    workspace: process.env.GITHUB_WORKSPACE,
    api: process.env.GITHUB_API_URL,
    cwd: process.cwd()
  })
)
core.exportVariable('EXPORTED', 'value')
core.addPath('/opt/fake/bin')
core.saveState('phase', 'main')
await core.summary.addHeading('Echo').addRaw('summary body').write()
core.warning('a warning')
process.exitCode = Number(core.getInput('exit-code') || '0')
