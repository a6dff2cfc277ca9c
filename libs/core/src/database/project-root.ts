import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root (the folder holding prisma-free-schema/), found by walking up
 * from this file, so the same code works from libs/ under jest and from dist/.
 */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'prisma-free-schema'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('Cannot find the project root (prisma-free-schema/ is missing)');
    dir = parent;
  }
  return dir;
}
