/**
 * @module The page's stylesheet and script (src/web/), read once when the server starts and served
 * from /static with a short cache; the CSP allows scripts and styles from here only.
 */
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../package-root.js';
import { Hono } from 'hono';

/** src/web in the package, whether the server runs from src/ (tsx) or dist/ (built). */
const WEB = pathToFileURL(join(packageRoot(), 'src', 'web') + sep);

export function staticRoutes(): Hono {
  const files: Record<string, { body: string; type: string }> = {
    'app.css': { body: readFileSync(new URL('app.css', WEB), 'utf8'), type: 'text/css; charset=utf-8' },
    'app.js': { body: readFileSync(new URL('app.js', WEB), 'utf8'), type: 'text/javascript; charset=utf-8' },
    'icon.svg': { body: readFileSync(new URL('icon.svg', WEB), 'utf8'), type: 'image/svg+xml' },
  };
  const app = new Hono();
  app.get('/static/:name', (c) => {
    const file = files[c.req.param('name')];
    if (!file) return c.text('not found', 404);
    return c.body(file.body, 200, { 'Content-Type': file.type, 'Cache-Control': 'public, max-age=300' });
  });
  return app;
}
