// The ESLint flat config a project using eslint-plugin-cors would write: every rule of the
// plugin (`all`), with the TypeScript parser for TypeScript files.
import tsParser from '@typescript-eslint/parser';
import cors from 'eslint-plugin-cors';

export default [
  {
    // The runner and this file are tooling, not part of the sample app.
    ignores: ['**/eslint.config.js', '**/run-demo.mjs'],
  },
  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    ...cors.configs.all[0],
    // The origins the storefront's pages are served from: its requests there are same-origin.
    settings: { cors: { appOrigins: ['https://shop.example.com', 'https://admin.example.com'] } },
  },
  // nginx configs (nginx.conf, conf.d/*.conf, sites-*/*), with the plugin's nginx language.
  cors.configs.all[1],
  // Django settings modules (settings.py, settings/*.py), with the plugin's django-settings language.
  cors.configs.all[2],
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['**/*.{ts,mts,cts}'],
    languageOptions: { parser: tsParser },
  },
];
