// Deployment page: live badges, the deployment log as it is written, past runs, and the action buttons through
// the API (runtime logs are in runtime-logs.js). The page works without this script: buttons are plain forms then.
(function () {
    'use strict';
    const W = window.WebOps;
    const here = W.deploymentPage();
    if (!here) return;
    const root = here.root, api = here.api;
    const page = location.pathname;
    let status = root.dataset.status;
    // A deploy run is queued or running: the API refuses every action but deploy then, whatever the status says;
    // deploy queues one run after the running one (the status table offers it while building).
    let deploying = root.dataset.deploying === 'true';
    let busy = false;

    // ---- status, badges and buttons ------------------------------------------------------------------

    // Which statuses allow which action comes from the server's status table, rendered into data-enabled-when;
    // this script keeps no list of its own.
    function updateButtons() {
        root.querySelectorAll('form[data-action] button').forEach(function (b) {
            const held = deploying && b.closest('form').dataset.action !== 'deploy';
            b.disabled = busy || held || b.dataset.enabledWhen.split(' ').indexOf(status) < 0;
        });
    }

    function applyStatus(s) {
        if (s.status) {
            status = s.status;
            root.dataset.status = status;
            W.setBadge(root.querySelector('[data-status-badge]'), 'status', s.status);
        }
        if (s.health) W.setBadge(root.querySelector('[data-health-badge]'), 'health', s.health);
        if (s.url) {
            const open = root.querySelector('[data-app-link]');
            open.href = s.url;
            open.hidden = false;
            const link = document.createElement('a');
            link.href = s.url;
            link.target = '_blank';
            link.rel = 'noopener';
            link.className = 'mono break';
            link.dataset.urlLink = '';
            link.textContent = s.url;
            root.querySelector('[data-url]').replaceChildren(link);
        }
        // The full deployment (from the API) also carries what runs now; status events do not.
        if (s.image) setText('[data-image]', s.image);
        if ('container_id' in s) setText('[data-container]', s.container_id ? s.container_id.slice(0, 10) : 'none yet', s.container_id);
        if (s.published_ports) setText('[data-ports]', s.published_ports.length ? s.published_ports.join(', ') : 'none');
        if (s.commit_sha) {
            const commit = root.querySelector('[data-commit]');
            commit.textContent = s.commit_sha.slice(0, 10);
            commit.title = s.commit_sha;
        }
        updateButtons();
    }

    function setText(selector, text, title) {
        const el = root.querySelector(selector);
        if (!el) return;
        el.textContent = text;
        if (title !== undefined) el.title = title || '';
    }

    /** Reloads the deployment from the API: status, and what runs now (image, container, ports). */
    async function refreshDeployment() {
        const d = await W.request('GET', api);
        if (d.ok && !busy) applyStatus(d.data);
    }

    const result = root.querySelector('[data-action-result]');
    function showResult(kind, text) {
        result.className = 'action-result' + (kind ? ' ' + kind : '');
        result.textContent = text;
    }

    const done = { start: 'Started.', stop: 'Stopped.', restart: 'Restarted.' };
    root.querySelectorAll('form[data-action]').forEach(function (form) {
        form.addEventListener('submit', async function (e) {
            e.preventDefault();
            if (busy) return;
            const action = form.dataset.action;
            const button = form.querySelector('button');
            const label = button.querySelector('span');
            const original = label.textContent;
            busy = true;
            label.textContent = form.dataset.busy;
            button.setAttribute('aria-busy', 'true');
            updateButtons();
            showResult('', form.dataset.busy);

            const r = await W.request('POST', api + '/' + action);
            busy = false;
            label.textContent = original;
            button.removeAttribute('aria-busy');
            if (!r.ok) {
                showResult('error', r.message);
                updateButtons();
                return;
            }
            if (action === 'deploy') {
                // Only another deploy makes sense until the queued run reports back through the status events.
                showResult('ok', 'Deploy #' + r.data.id + ' queued. The log below follows it.');
                deploying = true;
                showLive();
                // A queued run changes no status, so no event brings it: show it in the runs table now.
                refreshRuns();
                updateButtons();
            } else {
                showResult('ok', done[action]);
                applyStatus(r.data);
            }
        });
    });

    // ---- deployment log ------------------------------------------------------------------------------

    const logBox = root.querySelector('[data-log]');
    const logEmpty = root.querySelector('[data-log-empty]');
    const logTitle = root.querySelector('[data-log-title]');
    const liveButton = root.querySelector('[data-live-log]');
    const autoscroll = root.querySelector('[data-autoscroll]');
    const maxLines = 5000;
    let seen = new Set();
    let lastId = 0;
    let selectedRun = root.dataset.selectedRun ? Number(root.dataset.selectedRun) : null;

    logBox.querySelectorAll('[data-id]').forEach(function (el) {
        const id = Number(el.dataset.id);
        seen.add(id);
        lastId = Math.max(lastId, id);
    });

    function lineElement(l) {
        const div = document.createElement('div');
        div.className = 'log-line level-' + l.level;
        div.dataset.id = l.id;
        const src = document.createElement('span');
        src.className = 'src';
        src.textContent = l.source;
        const msg = document.createElement('span');
        msg.className = 'msg';
        msg.textContent = l.message;
        div.append(W.timeElement(l.time, 'time'), src, msg);
        return div;
    }

    function scrollDown(box) {
        box.scrollTop = box.scrollHeight;
    }

    /** Appends lines not shown yet (by id), keeping at most maxLines. */
    function appendLines(lines) {
        let added = 0;
        lines.forEach(function (l) {
            if (seen.has(l.id)) return;
            seen.add(l.id);
            lastId = Math.max(lastId, l.id);
            logBox.insertBefore(lineElement(l), logEmpty);
            added++;
        });
        if (!added) return;
        logEmpty.hidden = true;
        const all = logBox.querySelectorAll('.log-line');
        for (let i = 0; i < all.length - maxLines; i++) all[i].remove();
        if (autoscroll.checked) scrollDown(logBox);
    }

    function replaceLines(lines) {
        logBox.querySelectorAll('.log-line').forEach(function (el) { el.remove(); });
        seen = new Set();
        lastId = 0;
        logEmpty.hidden = lines.length > 0;
        appendLines(lines);
        scrollDown(logBox);
    }

    function markSelectedRun() {
        root.querySelectorAll('tr[data-run]').forEach(function (tr) {
            tr.setAttribute('aria-selected', String(Number(tr.dataset.run) === selectedRun));
        });
    }

    async function showRun(runId) {
        const r = await W.request('GET', api + '/logs?run=' + runId);
        if (!r.ok) {
            showResult('error', r.message);
            return;
        }
        selectedRun = runId;
        replaceLines(r.data);
        logTitle.textContent = 'run #' + runId;
        liveButton.hidden = false;
        markSelectedRun();
        history.replaceState(null, '', page + '?run=' + runId + '#log');
    }

    async function showLive() {
        if (selectedRun === null) return;
        const r = await W.request('GET', api + '/logs?limit=500');
        if (!r.ok) return;
        selectedRun = null;
        replaceLines(r.data);
        logTitle.textContent = 'latest activity';
        liveButton.hidden = true;
        markSelectedRun();
        history.replaceState(null, '', page + '#log');
    }

    liveButton.addEventListener('click', function (e) {
        e.preventDefault();
        showLive();
    });

    function onLog(l) {
        if (selectedRun === null || selectedRun === l.deploy_run_id) appendLines([l]);
    }

    // ---- deploy runs ---------------------------------------------------------------------------------

    const runsBody = root.querySelector('[data-runs]');
    const runsEmpty = root.querySelector('[data-runs-empty]');

    function duration(seconds) {
        if (seconds === null || seconds === undefined) return '';
        return seconds >= 60 ? Math.floor(seconds / 60) + ' min ' + Math.round(seconds % 60) + ' s' : seconds.toFixed(1) + ' s';
    }

    function cell(label, content, className) {
        const td = document.createElement('td');
        td.dataset.label = label;
        if (className) td.className = className;
        if (typeof content === 'string') td.textContent = content;
        else if (content) td.append(content);
        return td;
    }

    function runRow(run) {
        const tr = document.createElement('tr');
        tr.dataset.run = run.id;
        const link = document.createElement('a');
        link.href = page + '?run=' + run.id + '#log';
        link.dataset.runLink = run.id;
        link.textContent = '#' + run.id;
        const badge = document.createElement('span');
        badge.className = 'badge result-' + run.result;
        badge.textContent = run.result;
        if (run.error) badge.title = run.error;
        const commit = cell('Commit', (run.commit_sha || '').slice(0, 10), 'mono');
        commit.title = run.commit_sha || '';
        tr.append(cell('Run', link), cell('Started', W.timeElement(run.started_at || run.queued_at)), commit,
            cell('Result', badge), cell('Duration', duration(run.duration_seconds)));
        return tr;
    }

    // The newest run's failure, cause included, stays in view until a later run replaces it.
    const runError = root.querySelector('[data-run-error]');
    function showRunError(newest) {
        const failed = newest && newest.result === 'failed';
        runError.hidden = !failed;
        if (!failed) return;
        runError.querySelector('[data-run-error-title]').textContent = 'Deploy #' + newest.id + ' failed';
        runError.querySelector('[data-run-error-text]').textContent = newest.error || '';
    }

    async function refreshRuns() {
        const r = await W.request('GET', api + '/runs');
        if (!r.ok) return;
        runsBody.replaceChildren.apply(runsBody, r.data.slice(0, 20).map(runRow));
        runsEmpty.hidden = r.data.length > 0;
        markSelectedRun();
        showRunError(r.data[0]);
        // The newest run tells whether a deploy still holds the deployment.
        deploying = r.data.length > 0 && (r.data[0].result === 'queued' || r.data[0].result === 'running');
        updateButtons();
    }

    runsBody.addEventListener('click', function (e) {
        const tr = e.target.closest('tr[data-run]');
        if (!tr) return;
        e.preventDefault();
        showRun(Number(tr.dataset.run));
    });

    // ---- live events ---------------------------------------------------------------------------------

    /** On every (re)connection: catch up on lines and status missed while disconnected. */
    async function catchUp() {
        if (selectedRun === null) {
            const r = await W.request('GET', api + '/logs?after=' + lastId);
            if (r.ok) appendLines(r.data);
        }
        refreshDeployment();
        refreshRuns();
    }

    W.live(api + '/events', {
        log: onLog,
        status: function (s) {
            applyStatus(s);
            refreshDeployment();
            refreshRuns();
        },
    }, root.querySelector('[data-live-indicator]'), catchUp);

    scrollDown(logBox);
    updateButtons();
})();
