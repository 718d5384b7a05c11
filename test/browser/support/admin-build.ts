import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The checkout's root, from the sources or from their build in dist/. */
function findRepositoryRoot(from: string): string {
  for (let dir = from; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'apps', 'admin', 'package.json'))) {
      return dir;
    }
  }
  throw new Error(`No apps/admin above ${from}`);
}

export const repositoryRoot = findRepositoryRoot(__dirname);
export const adminDir = path.join(repositoryRoot, 'apps', 'admin');
export const adminDist = path.join(adminDir, 'dist');

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  return readdirSync(target)
    .filter((entry) => entry !== 'node_modules' && entry !== 'dist')
    .reduce(
      (newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))),
      stat.mtimeMs,
    );
}

/** True when apps/admin/dist is missing or older than any of the admin's sources. */
export function adminBuildIsStale(): boolean {
  const built = path.join(adminDist, 'index.html');
  if (!existsSync(built)) {
    return true;
  }
  const sources = ['src', 'index.html', 'vite.config.mts', 'package.json', 'tsconfig.json']
    .map((name) => path.join(adminDir, name))
    .filter((source) => existsSync(source));
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

/** Builds the admin UI with Vite when its build is stale (the API serves apps/admin/dist). */
export function ensureAdminBuilt(log: (message: string) => void = () => undefined): void {
  if (!adminBuildIsStale()) {
    return;
  }
  log('Building the admin UI (vite)');
  const result = spawnSync('npm', ['run', '--silent', 'build:admin'], {
    cwd: repositoryRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    throw new Error('npm run build:admin failed');
  }
}
