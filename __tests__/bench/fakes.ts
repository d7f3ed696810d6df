/** In-memory FileSystem and a silent Logger for bench stage tests. */
import path from 'node:path'
import type { FileSystem, Logger } from '../../src/ports.js'

export class MemFs implements FileSystem {
  readonly files = new Map<string, string | Uint8Array>()
  readonly dirs = new Set<string>()
  async readFile(p: string): Promise<string> {
    const v = this.files.get(p)
    if (v === undefined) throw new Error(`ENOENT ${p}`)
    return typeof v === 'string' ? v : Buffer.from(v).toString('utf8')
  }
  async writeFile(p: string, data: string | Uint8Array): Promise<void> {
    if (!this.dirs.has(path.dirname(p))) throw new Error(`ENOENT dir of ${p}`)
    this.files.set(p, data)
  }
  async mkdirp(p: string): Promise<void> {
    for (let d = p; d !== path.dirname(d); d = path.dirname(d)) this.dirs.add(d)
  }
  async exists(p: string): Promise<boolean> {
    return this.files.has(p) || this.dirs.has(p)
  }
}

export const silentLogger: Logger = {
  info: () => {},
  warning: () => {},
  error: () => {},
  notice: () => {},
  debug: () => {},
  group: (_name, fn) => fn()
}
