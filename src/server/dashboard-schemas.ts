/**
 * Schemas of the dashboard endpoints: ECharts-ready charts of a document's or a bureau's year.
 */
import Type from 'typebox';
import { IsoDateText } from '../core/actuals/actuals.ts';

const Cell = Type.Union([Type.String(), Type.Number(), Type.Null()]);
export const Chart = Type.Object({
  id: Type.String(),
  title: Type.String(),
  dataset: Type.Object(
    {
      dimensions: Type.Array(
        Type.Object({
          name: Type.String(),
          displayName: Type.String(),
          type: Type.Union([Type.Literal('ordinal'), Type.Literal('number')]),
        }),
      ),
      source: Type.Array(Type.Array(Cell)),
    },
    { description: 'ECharts `dataset`: number-typed dimensions hold decimal strings, which ECharts reads as numbers; null is a gap' },
  ),
  series: Type.Array(
    Type.Object({
      type: Type.Union([Type.Literal('line'), Type.Literal('bar'), Type.Literal('pie')]),
      name: Type.String(),
      encode: Type.Record(Type.String(), Type.String()),
      stack: Type.Optional(Type.String()),
      step: Type.Optional(Type.String()),
    }),
    { description: 'ECharts series over the dataset (encode names dimensions)' },
  ),
  table: Type.Object(
    { columns: Type.Array(Type.String()), rows: Type.Array(Type.Array(Type.Union([Type.String(), Type.Number()]))) },
    { description: 'the same data as a table (what ?format=csv downloads)' },
  ),
});
export const Dashboard = Type.Object({
  date: IsoDateText,
  year: Type.Integer(),
  charts: Type.Array(Chart),
});
export const BureauDashboard = Type.Object({
  ...Dashboard.properties,
  bureau: Type.Object({ id: Type.Integer(), name: Type.String() }),
  pending: Type.Integer({ description: 'documents whose figures were still being brought up to date (0 normally)' }),
});
