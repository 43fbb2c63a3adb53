// Dashboard: a small graph of each app's memory over the last hour beside its newest figure, refreshed every
// 30 seconds. Drawn with uPlot (vendored by the build); without JavaScript the figure alone is shown.
(function () {
    'use strict';
    if (typeof window.uPlot !== 'function') return;
    const charts = new Map();

    function bytes(v) {
        const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
        let i = 0;
        while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
        return (i === 0 ? Math.round(v) : v.toFixed(1)) + ' ' + units[i];
    }

    async function update(cell) {
        const name = cell.dataset.sparkline;
        let body;
        try {
            const response = await fetch('/api/deployments/' + encodeURIComponent(name) + '/usage?range=1h', { headers: { Accept: 'application/json' } });
            if (!response.ok) return;
            body = await response.json();
        } catch (e) {
            return;
        }
        const data = [body.points.time, body.points.memory_bytes];
        cell.dataset.sparklinePoints = String(data[0].length);
        if (body.latest) cell.querySelector('[data-sparkline-text]').textContent = bytes(body.latest.memory_bytes);
        const existing = charts.get(name);
        if (existing) {
            existing.setData(data);
            return;
        }
        charts.set(name, new window.uPlot({
            width: 120,
            height: 28,
            class: 'sparkline-plot',
            cursor: { show: false },
            legend: { show: false },
            select: { show: false },
            axes: [{ show: false }, { show: false }],
            scales: { x: { time: false }, y: { range: (u, min, max) => [0, Math.max(max || 0, 1024)] } },
            series: [{}, { stroke: '#17804a', fill: 'rgba(23, 128, 74, 0.15)', width: 1 }],
        }, data, cell.querySelector('[data-sparkline-graph]')));
    }

    function all() {
        document.querySelectorAll('[data-sparkline]').forEach(update);
    }

    all();
    setInterval(all, 30000);
})();
