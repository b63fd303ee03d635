// Node resolve hook for the command line (loaded with `node --import tsx --import ./src/cli/node-hooks.mjs`).
// tfjs-core's ESM files import './gradients' where both gradients.js and a gradients/ folder exist;
// bundlers (Vite) pick the file, Node picks the folder and throws ERR_UNSUPPORTED_DIR_IMPORT.
// Prefer the file, as Vite does. Only relative imports from inside @tensorflow packages are touched.
import { register } from 'node:module';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

export async function resolve(specifier, context, next) {
  if (specifier.startsWith('.') && context.parentURL?.includes('/@tensorflow/')) {
    const target = path.resolve(path.dirname(fileURLToPath(context.parentURL)), specifier);
    if (existsSync(`${target}.js`) && existsSync(target) && statSync(target).isDirectory())
      return next(pathToFileURL(`${target}.js`).href, context);
  }
  return next(specifier, context);
}

if (!globalThis.__sandboxHooksRegistered) {
  globalThis.__sandboxHooksRegistered = true;
  register(import.meta.url);
}
