import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import type { FileSystem } from '../ports.js'

/** FileSystem over node:fs/promises. */
export const nodeFileSystem: FileSystem = {
  readFile: (p) => readFile(p, 'utf8'),
  writeFile: (p, data) => writeFile(p, data),
  mkdirp: async (p) => {
    await mkdir(p, { recursive: true })
  },
  exists: async (p) => {
    try {
      await stat(p)
      return true
    } catch {
      return false
    }
  }
}
