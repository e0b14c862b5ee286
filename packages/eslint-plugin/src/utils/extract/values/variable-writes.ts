/**
 * The write references of a variable, filtered once per variable. Constant lookups ask it on every
 * use of a name (`resolveNode(app)` for each `app.get(…)`), and filtering all references each time
 * made those lookups grow with the square of a busy variable's uses.
 */
import type { TSESLint } from '@typescript-eslint/utils';

type Variable = TSESLint.Scope.Variable;
type Reference = TSESLint.Scope.Reference;

const writesByVariable = new WeakMap<Variable, readonly Reference[]>();

/** The references that write a variable (its initialiser included), in order. Scope analysis never changes after parsing. */
export function writeReferences(variable: Variable): readonly Reference[] {
  let writes = writesByVariable.get(variable);
  if (!writes) {
    writes = variable.references.filter((reference) => reference.isWrite());
    writesByVariable.set(variable, writes);
  }
  return writes;
}
