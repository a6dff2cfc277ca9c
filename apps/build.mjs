// Builds the server, the worker and the web app (`npm run build`); with --if-changed
// only when their sources changed since the last build, so that a warm `npm start`
// (and every `npm run cli`) starts at once.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');
const outputs = [
  'dist/apps/api/apps/api/src/main.js',
  'dist/apps/worker/apps/worker/src/main.js',
  'dist/web/index.html',
];
const sources = [
  'apps',
  'libs',
  'prisma-free-schema/schema.graphql',
  'package-lock.json',
  'nest-cli.json',
  'tsconfig.json',
];
// Written by the build itself: never a reason to build again.
const generated = ['apps/web/src/gql'];

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    const child = join(path, entry);
    if (generated.includes(relative(root, child))) continue;
    latest = Math.max(latest, newest(child));
  }
  return latest;
}

const built = existsSync(stamp) && outputs.every((file) => existsSync(join(root, file)));
const changed =
  !process.argv.includes('--if-changed') ||
  !built ||
  sources.some((source) => newest(join(root, source)) > statSync(stamp).mtimeMs);
if (changed) {
  if (process.argv.includes('--if-changed'))
    console.log(built ? 'Sources changed: building…' : 'Building…');
  const startedAt = Date.now();
  execSync('npm run build:server --silent && npm run build:web --silent', {
    cwd: root,
    stdio: 'inherit',
  });
  // Dated when the build began: a source saved during the build is newer, so it counts.
  writeFileSync(stamp, new Date(startedAt).toISOString());
  utimesSync(stamp, startedAt / 1000, startedAt / 1000);
}
