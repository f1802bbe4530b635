// The Chart.js page of ./build.sh bench: the same three charts as callchart's
// (revenue by period, stacked by segment; margins as lines; guided ranges
// beside the actual before them), drawn by Chart.js from data written into
// the page. The data are the facts callchart read from the sample, chosen
// here in a few lines (Chart.js parses nothing); chart.umd.min.js is inlined,
// so the page fetches nothing from file:// either.
import { readFileSync } from 'node:fs';

const quarterly = (p) => /-Q\d$/.test(p);
const level = (f) => f.measure === 'level' && (f.kind === 'actual' || f.kind === 'derived');
const mid = (f) => f.value ?? ((f.low ?? f.high) + (f.high ?? f.low)) / 2;
const label = (s) => (s.length <= 3 ? s.toUpperCase() : s.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()));
// Money and counts in millions, percentages as they are.
const scaled = (f, v) => (f.unit === '%' ? v : v / 1e6);

// facts: a callchart/facts@1 document. Returns the datasets the page draws.
export function chartData(facts) {
  const fs = facts.facts;
  const byKey = (rows) => {
    const periods = [...new Set(rows.map((r) => r.period))].sort();
    const series = [...new Set(rows.map((r) => r.name))];
    return {
      labels: periods,
      series: series.map((name) => ({
        name,
        values: periods.map((p) => {
          const r = rows.find((x) => x.name === name && x.period === p);
          return r ? r.value : null;
        }),
      })),
    };
  };
  const rev = fs.filter((f) => f.metric === 'revenue' && level(f) && f.unit !== '%' && quarterly(f.period));
  const segs = rev.filter((f) => f.segment !== 'total');
  const revenue = byKey((segs.length ? segs : rev).map((f) => ({ name: label(f.segment), period: f.period, value: mid(f) / 1e6 })));
  const margins = byKey(fs.filter((f) => /_margin$/.test(f.metric) && f.measure === 'level' && f.kind !== 'guidance' && quarterly(f.period))
    .map((f) => ({ name: label(f.metric), period: f.period, value: mid(f) })));
  // One panel per guided figure, as callchart draws them: the last actual before it and the range.
  const guidance = fs.filter((f) => f.kind === 'guidance' && f.measure === 'level').map((g) => {
    const before = fs.filter((f) => level(f) && f.metric === g.metric && f.segment === g.segment && f.unit === g.unit
      && f.period < g.period && quarterly(f.period) === quarterly(g.period)).sort((a, b) => (a.period < b.period ? -1 : 1)).pop();
    return {
      title: label(g.metric) + (g.segment === 'total' ? '' : ' · ' + label(g.segment)),
      labels: [before ? before.period : 'last actual', g.period],
      values: [before ? scaled(before, mid(before)) : null, [scaled(g, g.low ?? mid(g)), scaled(g, g.high ?? mid(g))]],
    };
  });
  return { revenue, margins, guidance };
}

export function chartjsPage(chartJsPath, data) {
  const lib = readFileSync(chartJsPath, 'utf8').replace(/<\/script/g, '<\\/script');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Chart.js, the same three charts</title>
<style>body{margin:0;font:14px system-ui,sans-serif} .frame{position:relative;height:380px;margin:16px}
.panels{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:8px;margin:16px}
.panels .frame{height:300px;margin:0}</style>
</head><body>
<div class="frame"><canvas id="revenue"></canvas></div>
<div class="frame"><canvas id="margins"></canvas></div>
<div class="panels" id="guidance"></div>
<script>${lib}</script>
<script>
var D = ${JSON.stringify(data)};
Chart.defaults.animation = false;
var common = { responsive: true, maintainAspectRatio: false };
new Chart(document.getElementById('revenue'), { type: 'bar',
  data: { labels: D.revenue.labels, datasets: D.revenue.series.map(function (s) { return { label: s.name, data: s.values }; }) },
  options: Object.assign({ scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'USD M' } } },
    plugins: { title: { display: true, text: 'Revenue' } } }, common) });
new Chart(document.getElementById('margins'), { type: 'line',
  data: { labels: D.margins.labels, datasets: D.margins.series.map(function (s) { return { label: s.name, data: s.values, spanGaps: true }; }) },
  options: Object.assign({ plugins: { title: { display: true, text: 'Margins' } } }, common) });
D.guidance.forEach(function (p) {
  var frame = document.createElement('div');
  frame.className = 'frame';
  var canvas = document.createElement('canvas');
  frame.appendChild(canvas);
  document.getElementById('guidance').appendChild(frame);
  new Chart(canvas, { type: 'bar',
    data: { labels: p.labels, datasets: [{ label: 'Last actual, guided range', data: p.values }] },
    options: Object.assign({ plugins: { legend: { display: false }, title: { display: true, text: p.title } } }, common) });
});
window.__chartjs = { drawnAt: performance.now() };
</script></body></html>
`;
}
