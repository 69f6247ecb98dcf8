export interface Bar {
  key: string;
  label: string;
  value: number;
}

/**
 * Horizontal bars in plain SVG (classes only, no inline styles: strict CSP). The chart is one
 * image with a summary for screen readers; the table next to it carries the figures as text.
 */
export function BarChart({ bars, label }: { bars: Bar[]; label: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowHeight = 18;
  const labelWidth = 160;
  const barSpace = 220;
  const width = labelWidth + barSpace + 50;
  return (
    <svg
      className="report-chart"
      viewBox={`0 0 ${width} ${bars.length * rowHeight + 4}`}
      role="img"
      aria-label={label}
    >
      {bars.map((bar, i) => {
        const y = i * rowHeight + 2;
        const length = Math.round((bar.value / max) * barSpace);
        const text = bar.label.length > 26 ? `${bar.label.slice(0, 25)}…` : bar.label;
        return (
          <g key={bar.key} aria-hidden="true">
            <text className="report-chart-label" x={labelWidth - 6} y={y + 12} textAnchor="end">
              {text}
            </text>
            <rect
              className="report-chart-bar"
              x={labelWidth}
              y={y + 2}
              width={length}
              height={rowHeight - 6}
            >
              <title>{`${bar.label}: ${bar.value}`}</title>
            </rect>
            <text className="report-chart-value" x={labelWidth + length + 4} y={y + 12}>
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
