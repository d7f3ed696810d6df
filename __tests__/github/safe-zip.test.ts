/** readZipEntries on real zips: limits hold against a compression bomb and odd entries. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { HostileArtifactError, readZipEntries, unsafeEntryName } from '../../src/github/safe-zip.js'
import { zipOf } from './reports.js'

const limits = { maxEntries: 10, maxEntryBytes: 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024 }

function file(buf: Buffer): string {
  const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'grgg-zip-')), 'a.zip')
  fs.writeFileSync(p, buf)
  return p
}

describe('readZipEntries', () => {
  it('reads only the wanted entries', async () => {
    const zip = file(zipOf({ 'report.json': '{}', 'sub/report.json': '[]', 'cpu.pprof': 'x' }))
    const got = await readZipEntries(zip, (n) => n.endsWith('report.json'), limits)
    expect([...got.keys()].sort()).toEqual(['report.json', 'sub/report.json'])
    expect(got.get('report.json')?.toString()).toBe('{}')
  })

  it('refuses a compression bomb by its declared size before inflating it', async () => {
    const bomb = zipOf({ 'report.json': Buffer.alloc(16 * 1024 * 1024) })
    expect(bomb.length).toBeLessThan(100 * 1024) // it really is a bomb
    await expect(readZipEntries(file(bomb), () => true, limits)).rejects.toThrow(
      /more than 4194304 bytes/
    )
  })

  it('refuses garbage as an unreadable zip', async () => {
    const err = await readZipEntries(file(Buffer.from('not a zip at all')), () => true).catch(
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(HostileArtifactError)
  })

  it('names unsafe entry names', () => {
    expect(unsafeEntryName('a/../../b')).toMatch(/climbs out/)
    expect(unsafeEntryName('C:/x')).toMatch(/absolute/)
    expect(unsafeEntryName('a\\b')).toMatch(/backslash/)
    expect(unsafeEntryName('a/b..c/report.json')).toBeNull()
  })
})
