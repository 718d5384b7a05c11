import { useTheme } from '@mui/material';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ErrorBar,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import { type FunnelRow, type SeriesPoint } from './reachLogic';
import { type ReachMetric } from './types';

// The charts live in their own chunk (recharts is large): ReachDashboard loads them lazily.

export interface SeriesChartProps {
  points: SeriesPoint[];
  metrics: readonly ReachMetric[];
  /** Each metric's translated name. */
  labels: Record<string, string>;
}

/** The reach series by hour or day: one line per metric. */
export function SeriesChart({ points, metrics, labels }: SeriesChartProps) {
  const theme = useTheme();
  const colors: Partial<Record<ReachMetric, string>> = {
    delivered: theme.palette.primary.main,
    clicks: theme.palette.info.main,
    follows: theme.palette.success.main,
    friendsAdded: theme.palette.secondary.main,
    friendsBlocked: theme.palette.error.main,
  };
  return (
    <ResponsiveContainer width="100%" height={300}>
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" minTickGap={24} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {metrics.map((metric) => (
          <Line
            key={metric}
            type="monotone"
            dataKey={metric}
            name={labels[metric] ?? metric}
            stroke={colors[metric] ?? theme.palette.text.primary}
            strokeWidth={2}
            dot={points.length <= 31}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

export interface FunnelChartProps {
  rows: FunnelRow[];
  labels: Record<string, string>;
}

const HATCH = 'reach-estimated-hatch';

/**
 * The funnel as horizontal bars. Observed steps are solid; the estimated follows are hatched and
 * outlined with a dashed line, with their 95 % interval as an error bar.
 */
export function FunnelChart({ rows, labels }: FunnelChartProps) {
  const theme = useTheme();
  const estimatedColor = theme.palette.warning.main;
  const data = rows.map((row) => ({
    name: labels[row.step] ?? row.step,
    value: row.value,
    source: row.source,
    interval:
      row.low !== undefined && row.high !== undefined
        ? [Math.max(0, row.value - row.low), Math.max(0, row.high - row.value)]
        : [0, 0],
  }));
  return (
    <ResponsiveContainer width="100%" height={60 + rows.length * 48}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <defs>
          <pattern
            id={HATCH}
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="8" height="8" fill={theme.palette.background.paper} />
            <line x1="0" y1="0" x2="0" y2="8" stroke={estimatedColor} strokeWidth="4" />
          </pattern>
        </defs>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={140} />
        <Tooltip />
        <Bar dataKey="value" isAnimationActive={false}>
          {data.map((row) =>
            row.source === 'estimated' ? (
              <Cell
                key={row.name}
                fill={`url(#${HATCH})`}
                stroke={estimatedColor}
                strokeDasharray="4 3"
                strokeWidth={2}
              />
            ) : (
              <Cell key={row.name} fill={theme.palette.primary.main} />
            ),
          )}
          <ErrorBar dataKey="interval" direction="x" width={6} stroke={estimatedColor} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
