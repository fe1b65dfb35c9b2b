// Task pane build (Microsoft's task-pane template shape): taskpane.html + commands.html, assets and
// manifest copied, dev server on https://localhost:3000 proxying /api to the Functions host.
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_PORT = Number(process.env.ADDIN_PORT || 3000);
const API_TARGET = process.env.API_TARGET || 'http://localhost:7071';
/** The origin manifest.xml is written for; a production build replaces it with ADDIN_BASE_URL. */
const DEV_ORIGIN = 'https://localhost:3000';

/**
 * Build-time origins (docs/deploy.md): ADDIN_BASE_URL, where the pane is hosted (written into the
 * manifest), and ADDIN_API_BASE_URL, the Function App the pane calls (unset: the pane's own origin).
 * Both must be bare https origins; `env` (webpack --env) wins over the environment.
 */
function origins(env) {
  const read = (name, loopbackHttp = false) => {
    const value = String(env[name] ?? process.env[name] ?? '')
      .trim()
      .replace(/\/+$/, '');
    if (!value) return '';
    let url;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`${name}: "${value}" is not a URL (expected https://host[:port]).`);
    }
    // Plain http only for an API on this machine (tests against the dev host): a deployed pane is
    // https and may call https only.
    const loopback =
      loopbackHttp && url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if ((url.protocol !== 'https:' && !loopback) || url.origin !== value)
      throw new Error(`${name}: "${value}" must be an https origin, without path, query or trailing slash.`);
    return url.origin;
  };
  return { addinBase: read('ADDIN_BASE_URL'), apiBase: read('ADDIN_API_BASE_URL', true) };
}

/** manifest.xml with every dev origin URL moved to the pane's host; no localhost may survive. */
function manifestFor(content, addinBase) {
  if (!addinBase) return content;
  const xml = content.toString().split(DEV_ORIGIN).join(addinBase);
  if (/localhost/i.test(xml)) throw new Error('manifest.xml: a localhost URL is left after applying ADDIN_BASE_URL.');
  return xml;
}

/**
 * HTTPS for the dev server. office-addin-dev-certs certificates when they exist or can be
 * generated; installing their CA needs sudo (and fails as root), so a failure there falls back to
 * webpack-dev-server's own self-signed certificate, and if even that is refused, to plain http.
 */
async function devServer() {
  if (process.env.ADDIN_HTTP === '1') return { type: 'http' };
  try {
    const certs = require('office-addin-dev-certs');
    const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
    const crt = path.join(dir, 'localhost.crt');
    const key = path.join(dir, 'localhost.key');
    const ca = path.join(dir, 'ca.crt');
    if (!fs.existsSync(crt) || !fs.existsSync(key)) await certs.generateCertificates(ca, crt, key);
    return {
      type: 'https',
      options: { cert: fs.readFileSync(crt), key: fs.readFileSync(key), ca: fs.readFileSync(ca) },
    };
  } catch (error) {
    console.warn(
      `[addin] office-addin-dev-certs unavailable (${error && error.message}); using a self-signed certificate.`,
    );
    return { type: 'https' };
  }
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode !== 'production';
  const outDir = path.resolve(__dirname, env.outDir || 'dist/addin');
  const { addinBase, apiBase } = origins(env);
  return {
    devtool: dev ? 'eval-source-map' : 'source-map',
    entry: {
      taskpane: './addin/taskpane/taskpane.ts',
      commands: './addin/commands/commands.ts',
      // Office dialog: sign-in where Excel has no NAA, and the ribbon command's messages.
      'auth-dialog': './addin/auth/auth-dialog.ts',
    },
    output: {
      path: outDir,
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            // Type checking is `npm run lint`'s job; ES modules let webpack split msal out.
            transpileOnly: true,
            compilerOptions: { module: 'es2020', target: 'es2020', sourceMap: true },
          },
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({
        __ADDIN_AUTH__: JSON.stringify({
          clientId: process.env.ADDIN_CLIENT_ID || '',
          authority: process.env.ADDIN_AUTHORITY || '',
          scope: process.env.ADDIN_API_SCOPE || '',
        }),
        // '' keeps the pane on its own origin's /api (addin/api/api-base.ts).
        __ADDIN_API_BASE_URL__: JSON.stringify(apiBase),
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './addin/commands/commands.html',
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'auth-dialog.html',
        template: './addin/auth/auth-dialog.html',
        chunks: ['auth-dialog'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'addin/assets/*.png', to: 'assets/[name][ext]' },
          { from: 'addin/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestFor(content, addinBase) },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: DEV_PORT,
      // Certificates only when serving: a production build must not touch them.
      server: env.WEBPACK_SERVE ? await devServer() : undefined,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      // Same origin for the pane: /api goes to the Functions host (func start or the dev host).
      proxy: [{ context: ['/api'], target: API_TARGET, changeOrigin: true }],
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
