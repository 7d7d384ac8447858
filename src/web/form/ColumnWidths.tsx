/** A form band's column widths, in percent of the form's width: the official form's proportions. */
export function ColumnWidths({ percents }: { percents: readonly number[] }) {
  return (
    <colgroup>
      {percents.map((p, i) => (
        <col key={i} style={{ width: `${p}%` }} />
      ))}
    </colgroup>
  );
}
