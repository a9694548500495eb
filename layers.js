// The lint rule that keeps the layers of DESIGN.md and the feature folders of src/app/ apart. Every
// relative import of a source file is resolved, and the folder it reaches must be one its own folder
// may import. Tests are exempt (they set up what they test through any layer).
//
//   core/          core/ only (pure: types, rules, the engine)
//   store/         core/
//   integrations/  core/ (file formats: CSV, CRM exports, iCalendar)
//   app/           core/, store/, integrations/; within app/, a feature folder imports app/'s own
//                  files and the features it builds on (FEATURES below), never a sibling
//   api/, cli/     app/ and core/; never store/, integrations/ or each other
//   main.ts        anything: the executable, where cli/ is given api/'s server
import { dirname, join, relative, sep } from 'node:path';

const LAYERS = {
  core: ['core'],
  store: ['core', 'store'],
  integrations: ['core', 'integrations'],
  app: ['core', 'store', 'integrations', 'app'],
  api: ['core', 'app', 'api'],
  cli: ['core', 'app', 'cli'],
};

// app/<feature>/ may import app/'s shared files, itself, and these features.
const FOUNDATIONS = ['accounts', 'decisions'];
const FEATURES = {
  accounts: [],
  decisions: [],
  day: [...FOUNDATIONS, 'prospects'],
  demo: FOUNDATIONS,
  import: FOUNDATIONS,
  model: FOUNDATIONS,
  prospects: FOUNDATIONS,
  mail: [...FOUNDATIONS, 'prospects'],
  suppressions: FOUNDATIONS,
};

/** ['app', 'import'] for src/app/import/x.ts; ['app', ''] for src/app/x.ts; undefined outside src/. */
function place(file, root) {
  const parts = relative(join(root, 'src'), file).split(sep);
  if (parts[0] === '..' || parts.length === 0) return undefined;
  return parts.length === 1 ? [parts[0], ''] : [parts[0], parts.length > 2 ? parts[1] : ''];
}

function problem(from, to) {
  const [layer, feature] = from;
  const [target, targetFeature] = to;
  if (layer === 'main.ts') return undefined;
  const allowed = LAYERS[layer];
  if (allowed === undefined) return `src/${layer} is not a layer of DESIGN.md: add it to layers.js`;
  if (!allowed.includes(target)) {
    return `${layer}/ may import only ${allowed.map((l) => `${l}/`).join(', ')}, not ${target}/`;
  }
  if (layer === 'app' && target === 'app' && targetFeature !== '' && targetFeature !== feature) {
    if (feature === '') return `app/'s shared files import no feature folder (app/${targetFeature}/)`;
    const may = FEATURES[feature];
    if (may === undefined) return `app/${feature}/ is not in layers.js FEATURES: say what it may import`;
    if (!may.includes(targetFeature)) {
      return `app/${feature}/ may import ${may.length === 0 ? 'no other feature' : may.map((f) => `app/${f}/`).join(', ')}, not app/${targetFeature}/`;
    }
  }
  return undefined;
}

export const layers = {
  meta: { type: 'problem', schema: [], docs: { description: 'the layers of DESIGN.md' } },
  create(context) {
    const file = context.filename;
    const root = context.cwd;
    const from = place(file, root);
    if (from === undefined) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = place(join(dirname(file), spec), root);
      if (to === undefined) return;
      const message = problem(from, to);
      if (message !== undefined) context.report({ node: node.source, message });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
