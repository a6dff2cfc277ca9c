import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(
    0,
    ...readdirSync(path)
      .filter((entry) => entry !== 'gql')
      .map((entry) => newest(join(path, entry))),
  );
}

export default function globalSetup(): void {
  // Dates in tests are read as UTC whatever the machine's zone.
  process.env.TZ = 'UTC';
  // The server serves the web app from dist/web: build it when it is missing or older
  // than its sources or the schema (a few seconds), so every test sees the real pages.
  const index = join(ROOT, 'dist', 'web', 'index.html');
  const stale =
    !existsSync(index) ||
    Math.max(
      newest(join(ROOT, 'apps', 'web')),
      statSync(join(ROOT, 'prisma-free-schema', 'schema.graphql')).mtimeMs,
    ) > statSync(index).mtimeMs;
  // Jest sets NODE_ENV=test, which would give React's development build: build what
  // `npm run build` ships.
  if (stale) {
    execSync('npm run build:web --silent', {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
}
