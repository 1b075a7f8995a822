export * from './parse';
export { normLabel, type Item, type Token } from './items';
export type { TableName, Placed } from './tables';
