import type { StateQuantity } from '../../engine/methods/inspection';
import { fullNumber, quantityShape, readableNumber, shownVector } from './inspector-format';

/** A number to four significant digits; the float64 itself in its title and `data-value` (the tests read it). */
export function NumberText({ value }: { value: number }) {
  const full = fullNumber(value);
  return (
    <span className="inspector-number" title={full} data-value={full}>
      {readableNumber(value)}
    </span>
  );
}

/** A vector as a tuple "(0.1235, −2)", cut after its first entries with "… and N more". */
export function VectorText({ vector }: { vector: ArrayLike<number> }) {
  const { entries, hidden } = shownVector(vector);
  return (
    <span className="inspector-vector">
      (
      {entries.map((value, i) => (
        <span key={i}>
          {i > 0 && ', '}
          <NumberText value={value} />
        </span>
      ))}
      {hidden > 0 && <span className="inspector-more">, … and {hidden} more</span>})
    </span>
  );
}

/** A state quantity's value: a number, a tuple, or a small table numbered by row and column (cut, with a count). */
export function QuantityValue({ quantity }: { quantity: StateQuantity }) {
  const shape = quantityShape(quantity);
  if (shape.kind === 'number') return <NumberText value={shape.value} />;
  if (shape.kind === 'vector') return <VectorText vector={quantity.value as Float64Array} />;
  const { matrix } = shape;
  const [rows, columns] = shape.shape;
  const cut = matrix.hiddenRows > 0 || matrix.hiddenColumns > 0;
  return (
    <div className="inspector-matrix-wrap">
      <table className="inspector-matrix" aria-label={`${quantity.label}, ${rows} × ${columns}`}>
        <thead>
          <tr>
            <td />
            {matrix.rows[0]?.map((_, column) => (
              <th key={column} scope="col">
                <span className="visually-hidden">column </span>
                {column + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row, i) => (
            <tr key={i}>
              <th scope="row">
                <span className="visually-hidden">row </span>
                {i + 1}
              </th>
              {row.map((value, column) => (
                <td key={column}>
                  <NumberText value={value} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {cut && (
        <p className="inspector-more">
          {rows} × {columns}: showing {matrix.rows.length} of {rows} rows and {matrix.rows[0]?.length ?? 0} of {columns} columns (Copy as JSON has all)
        </p>
      )}
    </div>
  );
}
