// Deployment page: graphs of CPU, memory against its limit, and network from /api/deployments/NAME/usage, drawn
// with uPlot (served from /lib/uplot, vendored by the build) and refreshed every sampling interval. Without
// JavaScript the card still shows the newest numbers, rendered by the server.
(function () {
    'use strict';
    const card = document.querySelector('[data-usage]');
    if (!card || typeof window.uPlot !== 'function') return;
    const name = card.dataset.usage;
    const interval = Math.max(1, Number(card.dataset.usageInterval) || 10) * 1000;
    const graphs = {};
    let range = '1h';
    let timer = null;

    function bytes(v) {
        if (v == null) return '–';
        const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
        let i = 0;
        while (Math.abs(v) >= 1024 && i < units.length - 1) { v /= 1024; i++; }
        return (i === 0 ? Math.round(v) : v.toFixed(1)) + ' ' + units[i];
    }

    function rate(v) { return v == null ? '–' : bytes(v) + '/s'; }

    function percent(v) { return v.toFixed(1) + ' %'; }

    const charts = {
        cpu: {
            series: [{ label: 'CPU', stroke: '#2f5bd3', fill: 'rgba(47, 91, 211, 0.12)', width: 1.5, value: (u, v) => v == null ? '–' : percent(v) }],
            columns: p => [p.cpu_percent],
            axis: v => v + ' %',
        },
        memory: {
            series: [
                { label: 'Memory', stroke: '#17804a', fill: 'rgba(23, 128, 74, 0.12)', width: 1.5, value: (u, v) => bytes(v) },
                { label: 'Limit', stroke: '#c62f3b', dash: [6, 4], width: 1, value: (u, v) => v == null ? 'none' : bytes(v) },
            ],
            columns: p => [p.memory_bytes, p.memory_limit_bytes],
            axis: bytes,
        },
        net: {
            series: [
                { label: 'In', stroke: '#1f6fb2', width: 1.5, value: (u, v) => rate(v) },
                { label: 'Out', stroke: '#a25e00', width: 1.5, value: (u, v) => rate(v) },
            ],
            columns: p => [p.net_rx_bytes_per_second, p.net_tx_bytes_per_second],
            axis: bytes,
        },
    };

    // The time axis always spans the chosen window, ending now: left to itself uPlot stretches one or two points
    // (right after a deploy) over years.
    const windows = { '1h': 3600, '24h': 86400, '30d': 30 * 86400 };

    function timeWindow() {
        const now = Date.now() / 1000;
        return [now - windows[range], now];
    }

    function size(el) {
        return { width: Math.max(240, el.clientWidth || 320), height: 160 };
    }

    function draw(kind, data) {
        const el = card.querySelector('[data-usage-graph="' + kind + '"]');
        if (!el) return;
        if (graphs[kind]) {
            graphs[kind].setData(data);
            return;
        }
        const spec = charts[kind];
        graphs[kind] = new window.uPlot(Object.assign(size(el), {
            series: [{}].concat(spec.series),
            axes: [{}, { size: 80, values: (u, ticks) => ticks.map(spec.axis) }],
            scales: {
                x: { time: true, range: timeWindow },
                y: { range: (u, min, max) => [0, Math.max(max || 0, kind === 'cpu' ? 1 : 1024)] },
            },
            legend: { live: true },
            hooks: { setScale: [(u, key) => { if (key === 'x') el.dataset.usageXSpan = String(Math.round(u.scales.x.max - u.scales.x.min)); }] },
        }), data, el);
    }

    function showNow(body) {
        const p = body.latest;
        const reason = card.querySelector('[data-usage-reason]');
        reason.hidden = !body.not_sampled;
        reason.textContent = body.not_sampled || '';
        if (!p) return;
        card.querySelector('[data-usage-cpu]').textContent = percent(p.cpu_percent);
        card.querySelector('[data-usage-memory]').textContent = bytes(p.memory_bytes)
            + (p.memory_limit_bytes ? ' of ' + bytes(p.memory_limit_bytes) + ' (' + percent(p.memory_percent) + ')' : ' (no limit)');
        card.querySelector('[data-usage-net]').textContent = 'in ' + rate(p.net_rx_bytes_per_second) + ', out ' + rate(p.net_tx_bytes_per_second);
        card.querySelector('[data-usage-block]').textContent = 'read ' + rate(p.block_read_bytes_per_second) + ', write ' + rate(p.block_write_bytes_per_second);
        card.querySelector('[data-usage-time]').replaceChildren(window.WebOps.timeElement(p.time));
    }

    async function refresh() {
        let body;
        try {
            const response = await fetch('/api/deployments/' + encodeURIComponent(name) + '/usage?range=' + range, { headers: { Accept: 'application/json' } });
            if (!response.ok) return;
            body = await response.json();
        } catch (e) {
            return; // the panel is restarting; the next tick tries again
        }
        const p = body.points;
        Object.keys(charts).forEach(kind => draw(kind, [p.time].concat(charts[kind].columns(p))));
        card.dataset.usagePoints = String(p.time.length);
        showNow(body);
    }

    function select(next) {
        range = next;
        card.querySelectorAll('[data-range]').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.range === range)));
        clearInterval(timer);
        refresh();
        timer = setInterval(refresh, range === '30d' ? 300000 : interval);
    }

    card.querySelectorAll('[data-range]').forEach(b => b.addEventListener('click', () => select(b.dataset.range)));
    window.addEventListener('resize', () => Object.keys(graphs).forEach(kind => {
        const el = card.querySelector('[data-usage-graph="' + kind + '"]');
        graphs[kind].setSize(size(el));
    }));
    select('1h');
})();
