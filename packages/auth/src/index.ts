export * from './audit';
export * from './session';
export { authOptions, authenticate } from './options';
