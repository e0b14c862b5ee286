/**
 * The evidence that tells where a file's code runs, as data: which modules, globals, paths and
 * package dependencies mean "a server (Node or an edge runtime)" and which mean "a browser page".
 * `runtime.ts` weighs them; keep every name here so the docs can list them from one place.
 */
import { builtinModules } from 'node:module';

/** Node's own modules, bare and with the `node:` prefix (`fs`, `node:http`, `fs/promises`). */
const NODE_BUILTINS: ReadonlySet<string> = new Set(
  builtinModules.flatMap((name) => [name, `node:${name}`]),
);

/**
 * Packages that only run on a server: HTTP frameworks and their middleware, databases, queues,
 * server-side renderers' server entry points, and Node-only HTTP clients.
 */
const SERVER_PACKAGES: ReadonlySet<string> = new Set([
  'express',
  'fastify',
  'koa',
  'hapi',
  '@hapi/hapi',
  'restify',
  'polka',
  'connect',
  'micro',
  'h3',
  'nitropack',
  '@hono/node-server',
  'elysia',
  'sails',
  'loopback',
  '@loopback/core',
  'feathers',
  '@feathersjs/feathers',
  'cors',
  'body-parser',
  'cookie-parser',
  'express-session',
  'compression',
  'helmet',
  'morgan',
  'multer',
  'passport',
  'socket.io',
  'ws',
  'http-proxy',
  'http-proxy-middleware',
  'serverless-http',
  '@middy/core',
  '@apollo/server',
  'apollo-server',
  'apollo-server-express',
  'graphql-yoga',
  'mercurius',
  'next/server',
  'next/headers',
  'server-only',
  '@vercel/node',
  'prisma',
  '@prisma/client',
  'mongoose',
  'mongodb',
  'pg',
  'mysql',
  'mysql2',
  'sqlite3',
  'better-sqlite3',
  'sequelize',
  'typeorm',
  'knex',
  'drizzle-orm',
  'redis',
  'ioredis',
  'bull',
  'bullmq',
  'kafkajs',
  'amqplib',
  'nodemailer',
  'dotenv',
  'node-fetch',
  'undici',
  'got',
  'superagent',
  'supertest',
  'puppeteer',
  'puppeteer-core',
  'playwright',
  'playwright-core',
  '@playwright/test',
  'commander',
  'yargs',
  'execa',
  'fs-extra',
  'winston',
  'pino',
  'firebase-admin',
  'firebase-functions',
  '@google-cloud/functions-framework',
  'aws-lambda',
]);

/** Package scopes whose every module is server-only (`@nestjs/common`, `@fastify/cors`, `@koa/router`). */
const SERVER_SCOPES: readonly string[] = [
  '@nestjs/',
  '@fastify/',
  '@koa/',
  '@hapi/',
  '@feathersjs/',
  '@aws-sdk/client-lambda',
  '@aws-lambda-powertools/',
];

/** Packages that only run in a page: UI frameworks' DOM renderers, client routers, browser-only clients. */
const BROWSER_PACKAGES: ReadonlySet<string> = new Set([
  'react-dom',
  'react-dom/client',
  'vue',
  'svelte',
  'preact',
  'solid-js',
  'solid-js/web',
  'jquery',
  'lit',
  'alpinejs',
  '@angular/core',
  '@angular/common/http',
  'next/navigation',
  'next/router',
  'react-router-dom',
  'react-router',
  '@tanstack/react-query',
  '@tanstack/vue-query',
  'swr',
  'socket.io-client',
  'client-only',
  '@remix-run/react',
  'workbox-window',
  'workbox-routing',
]);

/** Globals that exist only in a page or a worker (never in Node): reading one means the code runs there. */
const BROWSER_GLOBALS: ReadonlySet<string> = new Set([
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'XMLHttpRequest',
  'navigator',
  'location',
  'history',
  'importScripts',
  'indexedDB',
  'alert',
  'HTMLElement',
  'MutationObserver',
  'IntersectionObserver',
  'requestAnimationFrame',
]);

/** Globals that exist only in CommonJS Node code. */
const SERVER_GLOBALS: ReadonlySet<string> = new Set(['__dirname', '__filename']);

/**
 * Path segments whose files run on a server or as a Node program, and file-system routes that are
 * server code by definition (Next.js route handlers and API routes, middleware; `*.server.*` files).
 */
const SERVER_PATH =
  /(?:^|\/)(?:server|servers|backend|scripts|bin|cli|lambda|lambdas|functions|netlify\/functions)\/|(?:^|\/)pages\/api\/|(?:^|\/)app\/(?:.*\/)?route\.[cm]?[jt]sx?$|(?:^|\/)(?:src\/)?middleware\.[cm]?[jt]s$|\.server\.[cm]?[jt]sx?$|(?:^|\/)(?:next|vite|nuxt|svelte|astro|webpack|rollup)\.config\.[cm]?[jt]s$/;

/** Path segments whose files are served to a page. */
const BROWSER_PATH =
  /(?:^|\/)(?:client|frontend|browser|public|static|www|webapp|extension|content-scripts?)\/|\.client\.[cm]?[jt]sx?$|\.(?:vue|svelte)$/;

/** Test files: run by a Node test runner (or a headless browser driven from Node), not in a user's page. */
const TEST_PATH =
  /(?:^|\/)(?:__tests__|__mocks__|tests?|spec|specs|e2e|cypress|playwright|fixtures?|mocks?)\/|\.(?:test|spec|e2e|stories|story)\.[cm]?[jt]sx?$/;

export function isServerModule(name: string): boolean {
  return (
    NODE_BUILTINS.has(name) ||
    SERVER_PACKAGES.has(name) ||
    SERVER_SCOPES.some((scope) => name.startsWith(scope))
  );
}

export function isBrowserModule(name: string): boolean {
  return BROWSER_PACKAGES.has(name) || name.startsWith('@angular/');
}

export function isBrowserGlobal(name: string): boolean {
  return BROWSER_GLOBALS.has(name);
}

export function isServerGlobal(name: string): boolean {
  return SERVER_GLOBALS.has(name);
}

/** The runtime a path says, relative to the project (forward slashes). */
export function runtimeOfPath(relativePath: string): 'server' | 'browser' | undefined {
  if (SERVER_PATH.test(relativePath)) return 'server';
  if (BROWSER_PATH.test(relativePath)) return 'browser';
  return undefined;
}

export function isTestPath(relativePath: string): boolean {
  return TEST_PATH.test(relativePath);
}

/** Dependencies that make a package a browser app (a UI renderer or a bundler for pages). */
const BROWSER_APP_DEPENDENCIES: readonly string[] = [
  'react-dom',
  'vue',
  'svelte',
  'preact',
  'solid-js',
  '@angular/core',
  'vite',
  'webpack',
  'parcel',
  '@sveltejs/kit',
  'nuxt',
  'next',
  'astro',
  'jquery',
  'lit',
];

/** Dependencies that make a package a server (with none of the above, it runs only on a server). */
const SERVER_APP_DEPENDENCIES: readonly string[] = [
  'express',
  'fastify',
  'koa',
  '@nestjs/core',
  '@hapi/hapi',
  'hono',
  '@apollo/server',
  'apollo-server',
  'socket.io',
  'restify',
  'h3',
  'prisma',
  '@prisma/client',
  'mongoose',
  'pg',
  'mysql2',
  'sequelize',
  'typeorm',
  'knex',
];

/** What a package.json says about where its code runs. */
export function runtimeOfManifest(
  manifest: Record<string, unknown>,
): 'server' | 'browser' | 'both' | undefined {
  const dependencies = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    const listed = manifest[field];
    if (typeof listed === 'object' && listed !== null)
      Object.keys(listed).forEach((name) => dependencies.add(name));
  }
  const browser =
    manifest['browser'] !== undefined ||
    BROWSER_APP_DEPENDENCIES.some((name) => dependencies.has(name));
  const server =
    manifest['bin'] !== undefined || SERVER_APP_DEPENDENCIES.some((name) => dependencies.has(name));
  if (browser && server) return 'both';
  if (browser) return 'browser';
  if (server) return 'server';
  return undefined;
}
