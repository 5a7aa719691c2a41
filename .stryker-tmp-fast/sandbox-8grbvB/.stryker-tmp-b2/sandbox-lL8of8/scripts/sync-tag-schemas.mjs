// @ts-nocheck
// 
// Writes the tag vocabulary of src/rules/tags.ts (built to dist/) into every schema that names
// tags, so the schemas editors validate against stay equal to what jetdiag accepts.
// Run after adding a tag: npm run build && node scripts/sync-tag-schemas.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { PLAIN_TAGS, TAG_KINDS } = await import(path.join(root, 'dist/src/rules/tags.js'));
const enumLine = `{ "enum": ${JSON.stringify(PLAIN_TAGS)} }`;
const pattern = `^(${TAG_KINDS.join('|')}):.+$`;

for (const rel of ['schema/rule-pack.schema.json', 'schema/root-causes.schema.json']) {
  const file = path.join(root, rel);
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const tag = doc.definitions?.tag;
  if (!tag) throw new Error(`${rel}: no definitions.tag`);
  tag.anyOf = [{ enum: PLAIN_TAGS }, { type: 'string', pattern }];
  // Keep each file's own layout: rewrite only the definitions.tag block.
  const text = readFileSync(file, 'utf8');
  // The tag entry directly under "definitions" (conditions have "tag" properties too).
  const defs = /^( *)"definitions": \{/m.exec(text);
  if (!defs) throw new Error(`${rel}: no "definitions" block`);
  const start = text.indexOf(`\n${defs[1]}  "tag": {`, defs.index) + 1;
  if (start === 0) throw new Error(`${rel}: no definitions.tag entry`);
  const open = text.indexOf('{', start);
  let depth = 0;
  let end = open;
  for (; end < text.length; end++) {
    if (text[end] === '{') depth++;
    else if (text[end] === '}' && --depth === 0) break;
  }
  const indent = `${defs[1]}  `;
  const block = [
    '{',
    `${indent}  "description": ${JSON.stringify(tag.description)},`,
    `${indent}  "anyOf": [`,
    `${indent}    ${enumLine},`,
    `${indent}    { "type": "string", "pattern": ${JSON.stringify(pattern)} }`,
    `${indent}  ]`,
    `${indent}}`,
  ].join('\n');
  writeFileSync(file, text.slice(0, open) + block + text.slice(end + 1));
  JSON.parse(readFileSync(file, 'utf8'));
  console.log(`${rel}: ${PLAIN_TAGS.length} tags, kinds ${TAG_KINDS.join(', ')}`);
}
