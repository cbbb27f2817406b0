import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const api = 'http://localhost:3000';

// The API serves GraphQL, health checks and uploaded files on one port; in development
// the portal is served by Vite, so those paths are forwarded to keep requests same-origin.
const proxy = {
  '/graphql': { target: api, changeOrigin: true, ws: true },
  '/health': { target: api, changeOrigin: true },
  '/files': { target: api, changeOrigin: true },
  '/exports': { target: api, changeOrigin: true },
  '/certificates': { target: api, changeOrigin: true },
  // Only the files under these pages' paths: the pages themselves are the portal's.
  '^/exhibition/[^/]+/images/': { target: api, changeOrigin: true },
  '^/review/nominations/[^/]+/files': { target: api, changeOrigin: true },
};

/**
 * What the client preset's babel plugin does, for the production build: each graphql(`…`) call
 * becomes an import of its own document, one small module per document, so neither
 * src/gql/gql.ts (a map of every document) nor src/gql/graphql.ts (every document) is in the
 * first screen's bundle; each lazy page carries only its own documents. A call whose text is not
 * in the map is left alone and still works through the map.
 */
function graphqlDocumentImports(): Plugin {
  const generated = fileURLToPath(new URL('./src/gql/', import.meta.url));
  const prefix = 'virtual:lmr-document:';
  let byText = new Map<string, string>();
  let documents = new Map<string, string>();
  return {
    name: 'lmr-graphql-document-imports',
    apply: 'build',
    buildStart() {
      const map = readFileSync(`${generated}gql.ts`, 'utf8').split(/const documents(?:: Documents)? = {/)[1]?.split('\n};')[0] ?? '';
      byText = new Map([...map.matchAll(/^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),?$/gm)].map((match) => [JSON.parse(match[1]!) as string, match[2]!]));
      const types = readFileSync(`${generated}graphql.ts`, 'utf8');
      documents = new Map([...types.matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)].map((match) => [match[1]!, match[2]!]));
    },
    resolveId(id) {
      return id.startsWith(prefix) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return null;
      const json = documents.get(id.slice(prefix.length + 1));
      return json ? `export default ${json};` : null;
    },
    transform(code, id) {
      if (!/\/src\/.*\.tsx?$/.test(id) || id.startsWith(generated) || !code.includes('graphql(`')) return null;
      const imports: string[] = [];
      const out = code.replace(/\bgraphql\(`([^`]*)`\)/g, (call, text: string) => {
        const name = byText.get(text);
        if (!name || !documents.has(name)) return call;
        imports.push(`import __lmrDocument${imports.length} from ${JSON.stringify(prefix + name)};`);
        return `__lmrDocument${imports.length - 1}`;
      });
      return imports.length > 0 ? { code: `${imports.join('\n')}\n${out}`, map: null } : null;
    },
  };
}

/** What the API serves compressed: text files worth it, never the build's own .vite folder. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build, at the
 * strongest settings, once: the API sends the one the browser accepts as it lies on disk
 * (@fastify/static's preCompressed), so no request pays for compressing. The gzip copy is made
 * by Zopfli, whose output any gzip reader reads and which is about 3.5% smaller than zlib's
 * level 9 (for browsers that are not offered brotli: Chromium offers it only over HTTPS and on
 * localhost). A copy that is not smaller than the file is not written.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'lmr-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          if (entry.name.startsWith('.')) return [];
          const path = join(dir, entry.name);
          return entry.isDirectory() ? walk(path) : [path];
        });
      for (const path of walk(outDir).filter((file) => COMPRESSIBLE.test(file))) {
        const content = readFileSync(path);
        const brotli = brotliCompressSync(content, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: content.length, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT },
        });
        const gzip = await gzipAsync(content, { numiterations: 5 });
        if (brotli.length < content.length) writeFileSync(`${path}.br`, brotli);
        if (gzip.length < content.length) writeFileSync(`${path}.gz`, gzip);
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), graphqlDocumentImports(), precompress()],
  server: { proxy },
  preview: { proxy },
  build: {
    // scripts/check-bundle-size.mjs reads the manifest to find what the first screen loads.
    manifest: true,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
  },
});
