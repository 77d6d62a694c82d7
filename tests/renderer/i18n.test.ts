/// <reference types="node" />
/**
 * Every string a user reads comes from the translations: English and German have the same keys
 * and placeholders, every key the components use exists, and no component hard-codes text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createI18n, loadLanguage } from '../../renderer/src/i18n';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';

const SOURCE = join(import.meta.dirname, '../../renderer/src');

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path).forEach((v, k) => out.set(k, v));
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir = SOURCE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !path.includes(`${join('src', 'i18n')}`) ? [path] : [];
  });
}

const english = flatten(en);
const german = flatten(de);

describe('translations', () => {
  it('German has exactly the English keys', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('no translation is empty, and each keeps the English placeholders', () => {
    for (const [key, text] of english) {
      const translated = german.get(key) ?? '';
      expect(text.trim(), `en ${key}`).not.toBe('');
      expect(translated.trim(), `de ${key}`).not.toBe('');
      expect(placeholders(translated), `placeholders of ${key}`).toEqual(placeholders(text));
    }
  });

  it('every key a component asks for with a plain string exists', () => {
    const missing: string[] = [];
    for (const file of sourceFiles()) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([^'`]+)'/g)) {
        const key = match[1]!;
        const known = english.has(key) || english.has(`${key}_one`) || english.has(`${key}_other`);
        if (!known) missing.push(`${relative(SOURCE, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('languages load on demand', () => {
  it('English is built in; German comes in its own chunk, loaded before it is used', async () => {
    expect(createI18n('en').t('app.starting')).toBe('Starting…');
    expect(() => createI18n('de')).toThrow(/loadLanguage/);
    await loadLanguage('de');
    const german = createI18n('de');
    expect(german.t('app.starting')).toBe('Wird gestartet…');
    expect(german.resolvedLanguage).toBe('de');
  });
});

/** Attributes that a person reads or hears. */
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'label',
  'aria-description',
]);

/**
 * String literals an expression can evaluate to (through `a ? b : c`, `a ?? b`, `a || b`, `a + b`,
 * parentheses and template text); arguments of calls such as `t('key')` are not values shown.
 */
function shownLiterals(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
  }
  if (ts.isParenthesizedExpression(node)) return shownLiterals(node.expression);
  if (ts.isConditionalExpression(node)) {
    return [...shownLiterals(node.whenTrue), ...shownLiterals(node.whenFalse)];
  }
  if (ts.isBinaryExpression(node)) {
    const right = shownLiterals(node.right);
    return node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken
      ? right
      : [...shownLiterals(node.left), ...right];
  }
  return [];
}

const hasWords = (text: string) => /\p{L}/u.test(text);

/** `{…}` between tags (shown), as opposed to an attribute's value. */
const isChild = (node: ts.Node) => ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent);

function hardCodedText(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const where = (node: ts.Node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    return `${relative(SOURCE, file)}:${line + 1}`;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) {
      found.push(`${where(node)} text "${node.text.trim()}"`);
    }
    if (ts.isJsxExpression(node) && node.expression && isChild(node)) {
      for (const text of shownLiterals(node.expression).filter(hasWords)) {
        found.push(`${where(node)} string {"${text}"}`);
      }
    }
    if (
      ts.isJsxAttribute(node) &&
      READ_ATTRIBUTES.has(node.name.getText(source)) &&
      node.initializer
    ) {
      const value = node.initializer;
      const texts = ts.isStringLiteral(value)
        ? [value.text]
        : ts.isJsxExpression(value) && value.expression
          ? shownLiterals(value.expression)
          : [];
      for (const text of texts.filter(hasWords)) {
        found.push(`${where(node)} ${node.name.getText(source)}="${text}"`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('components hard-code no text', () => {
  const components = sourceFiles().filter((file) => file.endsWith('.tsx'));

  it('there are components to scan', () => {
    expect(components.length).toBeGreaterThan(20);
  });

  it('no JSX text, string child or read attribute holds words', () => {
    expect(components.flatMap(hardCodedText)).toEqual([]);
  });

  it('the scan itself catches a hard-coded string', () => {
    const probe = join(import.meta.dirname, 'fixtures', 'hard-coded.tsx.txt');
    expect(hardCodedText(probe)).toEqual([
      expect.stringContaining('text "Mark all as read"'),
      expect.stringContaining('aria-label="Close"'),
      expect.stringContaining('string {"Loading"}'),
      expect.stringContaining('title="Saved"'),
    ]);
  });
});
