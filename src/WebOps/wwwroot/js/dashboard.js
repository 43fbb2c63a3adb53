// Dashboard: badges follow every deployment's status live, without reloading the page.
(function () {
    'use strict';
    const W = window.WebOps;
    const notice = document.querySelector('[data-new-deployments]');

    function rowFor(name) {
        return document.querySelector('tr[data-deployment="' + CSS.escape(name) + '"]');
    }

    function onStatus(s) {
        const row = rowFor(s.name);
        if (!row) {
            // A deployment created elsewhere; say so instead of rebuilding the table here.
            if (notice) notice.hidden = false;
            return;
        }
        W.setBadge(row.querySelector('[data-status-badge]'), 'status', s.status);
        W.setBadge(row.querySelector('[data-health-badge]'), 'health', s.health);
        if (s.status === 'building' && s.updated_at) {
            row.querySelector('[data-last-deploy]').replaceChildren(W.timeElement(s.updated_at));
        }
    }

    W.live('/api/events', { status: onStatus }, document.querySelector('[data-live-indicator]'));
})();
