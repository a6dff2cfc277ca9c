import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** The most compressed JavaScript a public page may load before it is usable. */
const PUBLIC_PAGE_LIMIT_KB = 250;

/**
 * Prints, after each build, how much compressed JavaScript a public page loads before it
 * is usable: the entry, what it imports, and the heaviest public page's own chunks
 * (staff areas are separate chunks, loaded only by those who open them). Also written
 * to dist/web/bundle-report.json, which a test holds to the limit.
 */
function publicPageWeight(): Plugin {
  return {
    name: 'public-page-weight',
    apply: 'build',
    writeBundle(options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const gzipKb = (code: string) => gzipSync(code).length / 1024;
      const withImports = (fileName: string, seen: Set<string>): number => {
        if (seen.has(fileName)) return 0;
        seen.add(fileName);
        const chunk = byName.get(fileName);
        if (!chunk) return 0;
        return gzipKb(chunk.code) + chunk.imports.reduce((sum, f) => sum + withImports(f, seen), 0);
      };
      const entry = chunks.find((c) => c.isEntry && c.name === 'main');
      if (!entry) return;
      const seen = new Set<string>();
      const entryKb = withImports(entry.fileName, seen);
      const publicPages = chunks.filter(
        (c) => c.isDynamicEntry && c.facadeModuleId?.includes('/src/public/'),
      );
      const heaviestPageKb = Math.max(0, ...publicPages.map((c) => withImports(c.fileName, new Set(seen))));
      const report = {
        publicPageKb: Math.round((entryKb + heaviestPageKb) * 10) / 10,
        entryKb: Math.round(entryKb * 10) / 10,
        limitKb: PUBLIC_PAGE_LIMIT_KB,
      };
      writeFileSync(resolve(options.dir ?? '.', 'bundle-report.json'), JSON.stringify(report));
      const verdict = report.publicPageKb <= PUBLIC_PAGE_LIMIT_KB ? 'within' : 'OVER';
      console.log(
        `\nweb: a public page loads ${report.publicPageKb} KB of compressed JavaScript before it is usable (${verdict} the ${PUBLIC_PAGE_LIMIT_KB} KB limit)\n`,
      );
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // React's automatic JSX runtime, compiled by Vite's own transformer (no Babel).
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // Libraries marked "use client" (for React server components) are fine in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        graphiql: resolve(import.meta.dirname, 'graphiql.html'),
      },
    },
  },
  plugins: [publicPageWeight()],
  logLevel: 'warn',
});
