import ts from 'typescript';
const root = '/work/main/packages/core/src/';
const program = ts.createProgram([root + 'index.ts', root + 'documents/index.ts'], { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, allowImportingTsExtensions: true, noEmit: true, skipLibCheck: true });
const checker = program.getTypeChecker();
const names = (f: string) => { const sf = program.getSourceFile(f)!; const sym = checker.getSymbolAtLocation(sf)!; return checker.getExportsOfModule(sym).map((s) => s.name); };
const a = new Set(names(root + 'index.ts')); const b = names(root + 'documents/index.ts');
console.log('collisions:', b.filter((n) => a.has(n)));
console.log('core exports', a.size, 'documents exports', b.length);
