// Generates the Prisma client into lib/generated/prisma when schema.prisma changed.
// `prisma generate` never runs the schema engine, but the CLI insists that one exists:
// point it at any existing file (this Node binary) so that it does not try to download one.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'lib', 'generated', 'prisma', '.schema-hash');
const schemaHash = createHash('sha256')
  .update(fs.readFileSync(path.join(root, 'prisma', 'schema.prisma')))
  .update(JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'prisma', 'package.json'), 'utf8')).version)
  .digest('hex');
if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === schemaHash) process.exit(0);

const require = createRequire(import.meta.url);
const result = spawnSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate'], {
  cwd: root,
  encoding: 'utf8',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
if (result.status !== 0) {
  process.stderr.write(`prisma generate failed:\n${result.stdout}${result.stderr}`);
  process.exit(result.status ?? 1);
}
fs.writeFileSync(stamp, schemaHash);
