export * from './roles.js';
export * from './themes.js';
export * from './errors.js';
export * from './pagination.js';
