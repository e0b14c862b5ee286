/** What the server needs to know about a rule, looked up on the plugin object (we own it). */
import plugin from 'eslint-plugin-cors';

export interface RuleMeta {
  /** The rule's documentation page (`meta.docs.url`). */
  docsUrl: string | undefined;
  fixable: boolean;
  hasSuggestions: boolean;
}

export type RuleMetaLookup = (ruleId: string) => RuleMeta | undefined;

/** The plugin's namespace in rule ids (`cors/<rule>`), as the configs register it. */
export const RULE_PREFIX = 'cors/';

const META = new Map<string, RuleMeta>(
  Object.entries(plugin.rules).map(([name, rule]) => [
    RULE_PREFIX + name,
    {
      docsUrl: rule.meta.docs?.url,
      fixable: rule.meta.fixable !== undefined,
      hasSuggestions: rule.meta.hasSuggestions === true,
    },
  ]),
);

/** Meta of a rule by its full id (`cors/<rule>`); undefined for ids the plugin does not have. */
export const ruleMeta: RuleMetaLookup = (ruleId) => META.get(ruleId);

/** `no-null-origin` for `cors/no-null-origin`. */
export function ruleName(ruleId: string): string {
  return ruleId.startsWith(RULE_PREFIX) ? ruleId.slice(RULE_PREFIX.length) : ruleId;
}
