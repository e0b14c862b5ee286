/**
 * eslint-doc-generator settings: writes the rule table in README.md and the header of each
 * docs/rules/<name>.md (everything above `<!-- end auto-generated rule header -->`).
 *
 * The generator loads the plugin through this package's `exports` (dist/index.js), so build first:
 * `pnpm docs` and `pnpm docs:check` run `tsc -b` before it.
 */

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
  ],
  // `project` is a function writing settings (the project index), not a set of rules.
  ignoreConfig: ['project'],
  // "Disallow … (`cors/no-null-origin`)": what the rule is for, then its name.
  ruleDocTitleFormat: 'desc-parens-prefix-name',
  // The title already carries the description.
  ruleDocNotices: ['deprecated', 'configs', 'fixableAndHasSuggestions'],
  ruleListColumns: [
    'name',
    'description',
    'configsError',
    'configsWarn',
    'configsOff',
    'fixable',
    'hasSuggestions',
    'deprecated',
  ],
  // Every page has the same skeleton, `## Options` included ("This rule has no options." where
  // that is so). The generator's own options check would forbid that heading on rules without
  // options, so it is off; tests/docs.test.ts checks the section order and that every schema
  // property is named under `## Options`.
  ruleDocSectionInclude: ['Examples', 'Options', 'When Not To Use It', 'Further Reading'],
  ruleDocSectionOptions: false,
  urlConfigs:
    'https://github.com/eslint-plugin-cors/eslint-plugin-cors/blob/main/packages/eslint-plugin/README.md#configs',
  // Pages are written by hand from the template in the docs; never create empty ones.
  initRuleDocs: false,
};

export default config;
