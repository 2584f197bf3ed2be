export * from './builtinTemplates';
export * from './documentTypes';
export * from './typedChecks';
export * from './typeTree';
