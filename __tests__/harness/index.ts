/** The end-to-end harness: loopback fakes, the action runner and repository/event builders. */
export * from './fake-server.js'
export * from './fake-github.js'
export * from './fake-artifacts.js'
export * from './fake-go-dl.js'
export * from './events.js'
export * from './git-repo.js'
export * from './run-action.js'
export * from './probes.js'
