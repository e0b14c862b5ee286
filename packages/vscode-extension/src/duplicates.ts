/**
 * Whether a workspace would see each CORS problem twice: once from this extension and once from the
 * ESLint extension running eslint-plugin-cors. Pure, so it is unit-tested without VS Code.
 */
export const ESLINT_EXTENSION_ID = 'dbaeumer.vscode-eslint';
export const PLUGIN_PACKAGE = 'eslint-plugin-cors';

const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
];

/** True when the text of a package.json lists eslint-plugin-cors; false for anything else, even invalid JSON. */
export function manifestUsesPlugin(packageJsonText: string): boolean {
  let manifest: unknown;
  try {
    manifest = JSON.parse(packageJsonText);
  } catch {
    return false;
  }
  if (typeof manifest !== 'object' || manifest === null) return false;
  return DEPENDENCY_FIELDS.some((field) => {
    const dependencies = (manifest as Record<string, unknown>)[field];
    return (
      typeof dependencies === 'object' &&
      dependencies !== null &&
      !Array.isArray(dependencies) &&
      Object.hasOwn(dependencies, PLUGIN_PACKAGE)
    );
  });
}
