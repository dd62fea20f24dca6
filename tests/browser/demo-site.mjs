// The demo site as the main command serves it: build/demo at / and the web
// folder at /widget/ on the real reference server. SUPPORT_DEMO points at
// another build of the site (SUPPORT_WEB, SUPPORT_API as in harness.mjs).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, WEB, startServer } from './harness.mjs';

export const DEMO = process.env.SUPPORT_DEMO || join(ROOT, 'build/demo');
export const SCREENSHOTS = process.env.SUPPORT_SCREENSHOTS || join(ROOT, 'build/screenshots');
export const LOCALES = ['ru', 'en'];

export const startDemoServer = (args = []) => startServer({ args, webRoots: [`/=${DEMO}`, `/widget=${WEB}`] });

// Every page the site has (demo/build.mjs writes each one per locale).
export const demoPages = () => readdirSync(DEMO).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5)).sort();

// A page's URL in a locale, as demo/build.mjs writes them: ru at /, others under /<locale>/.
export const pageUrl = (page, locale = 'ru') => `${locale === 'ru' ? '/' : `/${locale}/`}${page === 'index' ? '' : page}`;
