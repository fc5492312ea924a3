// ESLint rule: code outside a capability folder of shared/ imports it only
// through its public entry (shared/<capability>/index.ts). Kept beside the
// tests because a test proves it fires; eslint.config.js registers it.
import { dirname, relative, resolve, sep } from 'node:path';

const CAPABILITY_ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..', 'shared');

function capabilityOf(absolutePath) {
  const rel = relative(CAPABILITY_ROOT, absolutePath);
  if (rel.startsWith('..') || rel === '') return undefined;
  const [capability, ...rest] = rel.split(sep);
  return { capability, inner: rest.join('/') };
}

export const capabilityEntryRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Import a shared/ capability only through its index.ts' },
    messages: {
      deep: "Import '{{capability}}' through its public entry ('{{entry}}'), not '{{source}}'.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = capabilityOf(file);
    function check(node) {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = capabilityOf(resolve(dirname(file), source));
      if (!target || target.capability === from?.capability) return;
      if (target.inner === '' || /^index(\.tsx?)?$/.test(target.inner)) return;
      context.report({
        node: node.source,
        messageId: 'deep',
        data: {
          capability: target.capability,
          source,
          entry: source.slice(0, source.length - target.inner.length - 1),
        },
      });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
