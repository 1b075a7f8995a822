export * from './parse';
export { normLabel, type Item, type Token } from './items';
export type { TableName, Placed } from './tables';
export { sourceView, figureWords, type SourceView, type SourceViewLine, type SourceFigure, type SourceFigureState } from './source-view';
