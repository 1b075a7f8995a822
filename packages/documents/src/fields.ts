/**
 * The figure catalogue lives in @ccgov/report (figures.ts); documents read it under the names
 * the open-data code has always used.
 */
import { FIGURES, FIGURE_BY_KEY, TOTAL_KEY, type Figure } from '@ccgov/report';

export { figureLabel, figureValues, figuresObject, formatFigure } from '@ccgov/report';
export type FigureField = Figure;
export const FIGURE_FIELDS = FIGURES;
export const FIGURE_FIELD_BY_KEY = FIGURE_BY_KEY;
export const REQUEST_TOTAL_KEY = TOTAL_KEY;
