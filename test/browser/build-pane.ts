// Production build of the pane with the project's webpack.config.js, as `npm run build:addin` does.
import path from 'node:path';
import webpack from 'webpack';

export const ROOT = path.resolve(__dirname, '..', '..');

/** `env` is webpack's --env (e.g. ADDIN_BASE_URL, ADDIN_API_BASE_URL of docs/deploy.md). */
export async function buildPane(outDir: string, env: Record<string, string> = {}): Promise<webpack.Stats> {
  const configure = require(path.join(ROOT, 'webpack.config.js')) as (
    env: object,
    argv: object,
  ) => Promise<webpack.Configuration>;
  const config = await configure({ ...env, outDir }, { mode: 'production' });
  return new Promise((resolve, reject) => {
    webpack({ ...config, mode: 'production', context: ROOT }, (error, stats) => {
      if (error) return reject(error);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString('errors-only') ?? 'webpack failed'));
      resolve(stats);
    });
  });
}
