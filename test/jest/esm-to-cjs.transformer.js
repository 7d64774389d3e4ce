// NestJS 12 (and a few of its dependencies) ship as ES modules. Node 20 loads them through require(esm), but Jest's module system on
// Node < 24.9 cannot, so in tests only we compile those packages to CommonJS, turning `import.meta.url`
// into the CommonJS equivalent. Production code runs the real ESM files untouched.
const ts = require('typescript');
const { createHash } = require('node:crypto');

module.exports = {
  getCacheKey(source, path) {
    return createHash('sha1').update('esm-to-cjs-v3').update(path).update(source).digest('hex');
  },
  process(source, path) {
    if (!/^\s*(import|export)\s/m.test(source)) return { code: source };
    const patched = source
      .replace(/^\s*const require = createRequire\(import\.meta\.url\);?\s*$/m, '')
      .replace(/\bimport\.meta\.url\b/g, "require('node:url').pathToFileURL(__filename).href");
    const { outputText, sourceMapText } = ts.transpileModule(patched, {
      fileName: path,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, allowJs: true, sourceMap: true, esModuleInterop: true },
    });
    return { code: outputText, map: sourceMapText };
  },
};
