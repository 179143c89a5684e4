import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.defaults.color = '#4a5360';
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

/** Colours with at least 3:1 contrast against white, told apart by position and legend too. */
export const SERIES_COLOURS = ['#1f5fa8', '#b3541e', '#2e7d32', '#7b3fa0', '#8a6d00', '#00838f'];

/**
 * A Chart.js canvas. The canvas is hidden from assistive technology (aria-hidden); every chart sits
 * beside a table with the same figures, exact, which is what screen readers and keyboards use.
 */
export function ChartCanvas({ config, label }: { config: ChartConfiguration; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      ...config,
      options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options },
    });
    return () => chart.destroy();
  }, [config]);
  return (
    <div class="chart" data-chart={label}>
      <canvas ref={canvas} aria-hidden="true" />
    </div>
  );
}
