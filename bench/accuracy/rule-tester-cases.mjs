// Reads the code of RuleTester cases out of a test file without running it (TypeScript's parser,
// static strings only), numbered the way score/peer-sites.json numbers them.
import path from 'node:path';

/**
 * Wrappers whose import prefix is applied to the cases they wrap. The Interlace suites wrap their
 * arrays in `xp([...])` (express: `import 'express';`), `nest([...])` (`import '@nestjs/common';`)
 * or `lambda([...])` (`import type { Handler } from 'aws-lambda';`), but score-peer-tests.mjs
 * applies only `xp`'s prefix. By default we do the same, so that we lint the very texts it lints
 * and our totals equal its totals: the NestJS and Lambda cases are then linted without the import
 * their suite gives them. `allWrappers` applies every suite's prefix, as its RuleTester run does.
 */
const SCORER_WRAPPERS = new Set(['xp']);

/**
 * Every case of every `<tester>.run(name, rule, { valid, invalid })` call, in source order:
 * { run (1-based, in source order), name, kind, index, line (of the case in the test file),
 *   code (null when it is not a static string), filename, options (the case sets rule options) }.
 */
export function ruleTesterCases(ts, file, text, { allWrappers = false } = {}) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const strings = staticStrings(ts, source);
  const prefix = wrapperPrefix(ts, source);
  const cases = [];
  let run = 0;
  const visit = (node) => {
    if (isRunCall(ts, node)) {
      run++;
      const name = strings.evaluate(node.arguments[0]);
      for (const property of node.arguments[2].properties) {
        const kind = ts.isPropertyAssignment(property) ? property.name.getText(source) : null;
        if (kind !== 'valid' && kind !== 'invalid') continue;
        const { array, wrappers } = unwrap(ts, source, property.initializer);
        if (!array) continue;
        const wrapped = wrappers.some((name) => allWrappers || SCORER_WRAPPERS.has(name));
        const codePrefix = wrapped && prefix != null ? prefix : '';
        array.elements.forEach((element, index) => {
          cases.push({
            run,
            name,
            kind,
            index,
            line: lineOf(source, element),
            ...readCase(ts, source, strings, element, codePrefix),
          });
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return cases;
}

/** `x.run(…, …, { … })`: RuleTester's entry point, with its object of cases. */
const isRunCall = (ts, node) =>
  ts.isCallExpression(node) &&
  ts.isPropertyAccessExpression(node.expression) &&
  node.expression.name.text === 'run' &&
  node.arguments.length >= 3 &&
  ts.isObjectLiteralExpression(node.arguments[2]);

/** `wrap(wrap2([...]))` -> the array, and the names of the one-argument calls around it. */
function unwrap(ts, source, expression) {
  const wrappers = [];
  let node = expression;
  while (ts.isCallExpression(node) && node.arguments.length === 1) {
    wrappers.push(node.expression.getText(source));
    node = node.arguments[0];
  }
  return { array: ts.isArrayLiteralExpression(node) ? node : null, wrappers };
}

/** A case is a string, or an object with `code` (and maybe `filename`, `options`). */
function readCase(ts, source, strings, element, codePrefix) {
  let code = null;
  let filename = null;
  let options = false;
  if (ts.isObjectLiteralExpression(element)) {
    for (const property of element.properties) {
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property))
        continue;
      const key = property.name.getText(source);
      const value = ts.isPropertyAssignment(property) ? property.initializer : property.name;
      if (key === 'code') code = strings.evaluate(value);
      if (key === 'filename') filename = strings.evaluate(value);
      if (key === 'options') options = true;
    }
  } else code = strings.evaluate(element);
  return { code: code == null ? null : codePrefix + code, filename, options };
}

/**
 * The text the suite puts before each case: the head of the first arrow function of the form
 * `(code) => \`<head>${code}\`` (e.g. `import 'express';\n`), or null.
 */
function wrapperPrefix(ts, source) {
  let prefix = null;
  const visit = (node) => {
    if (prefix != null) return;
    if (
      ts.isArrowFunction(node) &&
      ts.isTemplateExpression(node.body) &&
      node.body.templateSpans.length === 1
    ) {
      const [span] = node.body.templateSpans;
      if (
        ts.isIdentifier(span.expression) &&
        span.expression.text === 'code' &&
        span.literal.text === ''
      )
        prefix = node.body.head.text;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return prefix;
}

/**
 * Evaluates string expressions the test files build cases from: literals, templates, `+`, and
 * identifiers bound anywhere in the file to a plain string (`const header = '…'`).
 */
function staticStrings(ts, source) {
  const constants = new Map();
  const collect = (node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      isPlainString(ts, node.initializer)
    ) {
      constants.set(node.name.text, node.initializer.text);
    }
    ts.forEachChild(node, collect);
  };
  collect(source);
  const evaluate = (node) => {
    if (!node) return null;
    if (isPlainString(ts, node)) return node.text;
    if (ts.isIdentifier(node)) return constants.get(node.text) ?? null;
    if (ts.isTemplateExpression(node)) {
      let text = node.head.text;
      for (const span of node.templateSpans) {
        const value = evaluate(span.expression);
        if (value == null) return null;
        text += value + span.literal.text;
      }
      return text;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = evaluate(node.left);
      const right = evaluate(node.right);
      return left != null && right != null ? left + right : null;
    }
    return null;
  };
  return { evaluate };
}

const isPlainString = (ts, node) =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
const lineOf = (source, node) =>
  source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

/**
 * The file name a case is linted under, as score-peer-tests.mjs names it: a folder of its own
 * beside the test file, and the case's `filename` (rules may look at it: next.config.js,
 * route.ts, *.test.ts) or `case.ts`.
 */
export function virtualFilename(testFile, testCase) {
  const ext = testCase.filename ? path.extname(testCase.filename) || '.ts' : '.ts';
  const base = testCase.filename
    ? path.basename(testCase.filename, path.extname(testCase.filename))
    : 'case';
  return path.join(
    path.dirname(testFile),
    '__virtual__',
    `run${testCase.run}-${testCase.kind}-${testCase.index}`,
    base + ext,
  );
}
