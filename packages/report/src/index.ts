export * from './format';
export * from './content';
export * from './totals';
export * from './targets';
export * from './issues';
export * from './checker';
export * from './lifecycle';
export * from './fixtures';
export { parseTextNumber } from './checker-text';
