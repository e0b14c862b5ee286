/**
 * Writes `--fix` output, all or nothing per file: the fixed text goes to a temporary file beside the
 * original, which then replaces it in one rename, so an interrupted or failed write leaves the
 * original whole. A file that cannot be written is named with the reason; the others are written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemReason } from './collect-files.js';
import { encodeSource, type SourceEncoding } from './read-source.js';

export interface FixWrite {
  readonly filePath: string;
  readonly output: string;
  readonly encoding: SourceEncoding;
}

export interface FixReport {
  readonly written: readonly string[];
  readonly failed: readonly { readonly filePath: string; readonly reason: string }[];
}

export function writeFixes(fixes: readonly FixWrite[]): FixReport {
  const written: string[] = [];
  const failed: { filePath: string; reason: string }[] = [];
  for (const fix of fixes) {
    try {
      writeWhole(fix.filePath, encodeSource(fix.output, fix.encoding));
      written.push(fix.filePath);
    } catch (error) {
      failed.push({ filePath: fix.filePath, reason: systemReason(error) });
    }
  }
  return { written, failed };
}

function writeWhole(linkOrFile: string, bytes: Buffer): void {
  // A symbolic link stays a link: the file it points to is the one fixed.
  const filePath = fs.realpathSync(linkOrFile);
  // A read-only file stays as it is, even where its folder would let a rename replace it.
  fs.accessSync(filePath, fs.constants.W_OK);
  const { mode } = fs.statSync(filePath);
  const temporary = path.join(
    path.dirname(filePath),
    `.${path.basename(filePath)}.cors-lint-${process.pid}.tmp`,
  );
  try {
    fs.writeFileSync(temporary, bytes, { mode });
    fs.renameSync(temporary, filePath);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    // A folder we may not create files in, but a file we may write: write it in place.
    if (
      (error as NodeJS.ErrnoException).code !== 'EACCES' &&
      (error as NodeJS.ErrnoException).code !== 'EPERM'
    )
      throw error;
    fs.writeFileSync(filePath, bytes);
  }
}
