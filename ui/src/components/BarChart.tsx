import { Anchor, Table, Text } from '@mantine/core';
import {
  BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip, type ChartEvent, type ActiveElement,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

interface Props {
  label: string;
  bars: { key: string; value: number }[];
  horizontal?: boolean;
  color?: string;
  format?: (value: number) => string;
  onSelect?: (key: string) => void;
  testId?: string;
  /** Counts get whole-number ticks; rates and durations do not. */
  integer?: boolean;
}

/**
 * A bar chart (chart.js on a canvas) with the same numbers as a small table under it: the table is
 * what screen readers and keyboard users get, and each key in it is a link when bars are clickable.
 */
export function BarChart({ label, bars, horizontal = false, color = '#228be6', format = String, onSelect, testId, integer = true }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const formatter = useRef(format);
  formatter.current = format;
  const signature = JSON.stringify(bars);

  useEffect(() => {
    if (!canvas.current) {
      return undefined;
    }
    const values: { key: string; value: number }[] = JSON.parse(signature);
    const valueAxis = {
      beginAtZero: true,
      ticks: { ...(integer ? { precision: 0 } : {}), callback: (value: string | number) => formatter.current(Number(value)) },
    };
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: values.map((b) => b.key), datasets: [{ label, data: values.map((b) => b.value), backgroundColor: color, borderRadius: 3, maxBarThickness: 36 }] },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { tooltip: { callbacks: { label: (item) => formatter.current(Number(item.raw)) } } },
        scales: horizontal
          ? { x: valueAxis, y: { ticks: { autoSkip: false } } }
          : { x: { ticks: { autoSkip: false } }, y: valueAxis },
        onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
          if (elements.length && select.current) {
            select.current(values[elements[0].index].key);
          }
        },
      },
    });
    return () => chart.destroy();
  }, [signature, horizontal, color, label, integer]);

  if (bars.length === 0) {
    return <Text size="sm" c="dimmed">Nothing in this window.</Text>;
  }
  const height = horizontal ? Math.max(90, bars.length * 28 + 30) : 180;
  return (
    <div data-testid={testId}>
      <div style={{ position: 'relative', height }}>
        <canvas ref={canvas} role="img" aria-label={label} style={{ cursor: onSelect ? 'pointer' : undefined }} />
      </div>
      <Table fz="xs" verticalSpacing={2} mt={4}>
        <Table.Tbody>
          {bars.map((bar) => (
            <Table.Tr key={bar.key} data-testid="bar-row" data-key={bar.key}>
              <Table.Td>{onSelect ? <Anchor component="button" size="xs" onClick={() => onSelect(bar.key)}>{bar.key}</Anchor> : bar.key}</Table.Td>
              <Table.Td ta="right">{format(bar.value)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
