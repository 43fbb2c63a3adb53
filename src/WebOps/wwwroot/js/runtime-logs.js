// Deployment page, runtime logs: the app's own output (stdout and stderr marked), loaded on request or followed
// every 2 s. Without scripts the section points to the API instead.
(function () {
    'use strict';
    const W = window.WebOps;
    const logsPage = W.deploymentPage();
    if (!logsPage) return;
    const root = logsPage.root, api = logsPage.api;

    const runtimeBox = root.querySelector('[data-runtime-log]');
    const tail = root.querySelector('[data-runtime-tail]');
    const follow = root.querySelector('[data-runtime-follow]');
    let followTimer = null;

    function runtimeLine(l) {
        const div = document.createElement('div');
        div.className = 'log-line stream-' + l.stream;
        const src = document.createElement('span');
        src.className = 'src';
        src.textContent = l.stream === 'stderr' ? 'err' : 'out';
        src.title = l.stream;
        const msg = document.createElement('span');
        msg.className = 'msg';
        msg.textContent = l.text;
        div.append(l.time ? W.timeElement(l.time, 'time') : document.createElement('time'), src, msg);
        return div;
    }

    async function loadRuntime() {
        const r = await W.request('GET', api + '/runtime-logs?tail=' + encodeURIComponent(tail.value), 30000);
        const atBottom = runtimeBox.scrollHeight - runtimeBox.scrollTop - runtimeBox.clientHeight < 40;
        if (!r.ok) {
            const p = document.createElement('p');
            p.className = 'muted';
            p.textContent = r.message;
            runtimeBox.replaceChildren(p);
            return;
        }
        if (r.data.length === 0) {
            const p = document.createElement('p');
            p.className = 'muted';
            p.textContent = 'The app has not written anything yet.';
            runtimeBox.replaceChildren(p);
            return;
        }
        runtimeBox.replaceChildren.apply(runtimeBox, r.data.map(runtimeLine));
        if (atBottom || !follow.checked) runtimeBox.scrollTop = runtimeBox.scrollHeight;
    }

    /** Polls every 2 s while Follow is ticked; the next poll starts only after the last one answered. */
    async function followLoop() {
        await loadRuntime();
        if (follow.checked) followTimer = setTimeout(followLoop, 2000);
    }

    root.querySelector('[data-runtime-load]').addEventListener('click', loadRuntime);
    follow.addEventListener('change', function () {
        clearTimeout(followTimer);
        if (follow.checked) followLoop();
    });
    tail.addEventListener('change', loadRuntime);

    // A running app's latest output is worth seeing at once: one request, no polling until Follow is ticked.
    if (root.dataset.status === 'running') loadRuntime();
})();
