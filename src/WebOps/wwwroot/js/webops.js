// Shared helpers for every page. Loaded in <head> (not deferred) so the "js" class is set before the first
// paint: elements marked .js-only stay hidden when scripts do not run, and the pages still work without them.
document.documentElement.classList.replace('no-js', 'js');

window.WebOps = (function () {
    'use strict';

    /** Sets a status/health/result badge's text and colour class, e.g. ("status", "running"). */
    function setBadge(el, kind, value) {
        if (!el || !value) return;
        el.className = 'badge ' + kind + '-' + value;
        el.textContent = value;
    }

    /** Local time for a server UTC time: "14:03:07" for log lines, a short date and time otherwise. */
    function formatTime(iso, style) {
        const t = new Date(iso);
        if (isNaN(t)) return '';
        return style === 'time'
            ? t.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
            : t.toLocaleString([], { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    }

    function localTimes(root) {
        root.querySelectorAll('time[datetime]').forEach(function (el) {
            const text = formatTime(el.getAttribute('datetime'), el.dataset.format);
            if (text) {
                el.title = el.getAttribute('datetime');
                el.textContent = text;
            }
        });
    }

    function timeElement(iso, style) {
        const el = document.createElement('time');
        el.dateTime = iso;
        el.title = iso;
        if (style) el.dataset.format = style;
        el.textContent = formatTime(iso, style);
        return el;
    }

    /**
     * Calls the JSON API with the login cookie. Resolves to {ok, status, data, message}; message is the
     * ProblemDetails text when the call was refused. Never rejects.
     */
    async function request(method, url, timeoutMs) {
        let response;
        try {
            response = await fetch(url, {
                method: method,
                credentials: 'same-origin',
                headers: { Accept: 'application/json' },
                signal: AbortSignal.timeout(timeoutMs || 120000),
            });
        } catch (e) {
            return { ok: false, status: 0, data: null, message: 'The panel did not answer (' + e.message + '). Check the connection and try again.' };
        }
        let data = null;
        try {
            data = await response.json();
        } catch (e) {
            data = null;
        }
        let message = '';
        if (!response.ok) {
            message = response.status === 401
                ? 'Your login has expired. Reload the page to log in again.'
                : (data && (data.detail || data.title)) || ('The panel answered ' + response.status + '.');
        }
        return { ok: response.ok, status: response.status, data: data, message: message };
    }

    /**
     * Listens to a Server-Sent Events stream. handlers maps event names to functions taking the parsed data;
     * onOpen runs on every (re)connection so pages can fetch what they missed while disconnected.
     */
    function live(url, handlers, indicator, onOpen) {
        const source = new EventSource(url);
        source.onopen = function () {
            if (indicator) {
                indicator.hidden = false;
                indicator.classList.add('connected');
                indicator.textContent = 'Live';
                indicator.title = 'Updates arrive as they happen';
            }
            if (onOpen) onOpen();
        };
        source.onerror = function () {
            if (!indicator) return;
            indicator.classList.remove('connected');
            const closed = source.readyState === EventSource.CLOSED;
            indicator.textContent = closed ? 'Offline' : 'Reconnecting…';
            indicator.title = closed ? 'Live updates stopped; reload the page' : 'Live updates paused; reconnecting';
        };
        Object.keys(handlers).forEach(function (name) {
            source.addEventListener(name, function (e) {
                let data;
                try {
                    data = JSON.parse(e.data);
                } catch (err) {
                    return;
                }
                handlers[name](data);
            });
        });
        window.addEventListener('pagehide', function () { source.close(); });
        return source;
    }

    /** The deployment page's root element and its API address, or null on other pages. */
    function deploymentPage() {
        const root = document.querySelector('[data-deployment]');
        return root ? { root: root, api: '/api/deployments/' + encodeURIComponent(root.dataset.deployment) } : null;
    }

    document.addEventListener('DOMContentLoaded', function () { localTimes(document); });

    return {
        setBadge: setBadge, formatTime: formatTime, timeElement: timeElement, localTimes: localTimes, request: request, live: live,
        deploymentPage: deploymentPage,
    };
})();
