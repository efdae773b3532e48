/**
 * The demo, the provider emulators and the benchmarks are left out of the published package (and
 * msw, which the emulators use, is a devDependency): a production install stays small. From a clone
 * with its devDependencies (`npm install`, `npm start`) they are all there.
 */
export async function loadOptional<T>(load: () => Promise<T>, what: string): Promise<T> {
  try {
    return await load();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new Error(`${what} is not part of this install (production packages leave it out). Clone the repository and run \`npm install\` then \`npm start\` to try it.`);
    }
    throw err;
  }
}
