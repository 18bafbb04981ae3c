// The console's calls to the REST API: the session's cookie, its CSRF token, and a header that tells
// the API not to answer 401 with a password dialog. Problems (RFC 9457) come back as thrown errors
// carrying the problem, so a page shows its detail beside the field or row it names.
// Every POST and PATCH carries an Idempotency-Key, one per submission: the same submission sent again
// before it got an answer (a double click, a retry after the network failed) carries the same key, so
// the engine does it once; one already on its way is awaited, not sent twice.
'use strict';

const Console = (() => {
    const meta = name => document.querySelector(`meta[name="${name}"]`)?.content;

    class Problem extends Error {
        constructor(status, problem) {
            super(problem?.detail || `HTTP ${status}`);
            this.status = status;
            this.problem = problem || {};
        }
    }

    const IN_PROGRESS = 'urn:sms-engine:problem:idempotency_request_in_progress';
    const MAX_WAITS = 30;
    const onTheirWay = new Map();   // signature of a submission -> the promise of its answer
    const unanswered = new Map();   // signature of a submission that got no answer yet -> its key

    /** A new Idempotency-Key (crypto.randomUUID needs a secure context; the console may be served over HTTP). */
    function newKey() {
        return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
    }

    /** What makes two submissions the same: method, path and body (a file by its name, size, type and date). */
    function signature(method, path, body) {
        const content = body instanceof FormData
            ? [...body.entries()].map(([name, value]) => [name, value instanceof File
                ? ['file', value.name, value.size, value.type, value.lastModified] : value])
            : body ?? null;
        return `${method} ${path} ${JSON.stringify(content)}`;
    }

    /** No answer to act on: the network failed, the server failed (not kept), or the first is still running. */
    function unanswerable(error) {
        return !(error instanceof Problem) || error.status >= 500 || error.problem.type === IN_PROGRESS;
    }

    /**
     * Calls the API. A POST or PATCH takes options.key as its Idempotency-Key, or the key of the same
     * submission still without an answer, or a new one.
     */
    async function api(method, path, body, options = {}) {
        if (method !== 'POST' && method !== 'PATCH') {
            return send(method, path, body);
        }
        const sent = signature(method, path, body);
        if (onTheirWay.has(sent)) {
            return onTheirWay.get(sent);
        }
        const key = options.key || unanswered.get(sent) || newKey();
        unanswered.set(sent, key);
        const answer = send(method, path, body, key).then(result => {
            unanswered.delete(sent);
            return result;
        }, error => {
            if (!unanswerable(error)) {
                unanswered.delete(sent);
            }
            throw error;
        }).finally(() => onTheirWay.delete(sent));
        onTheirWay.set(sent, answer);
        return answer;
    }

    async function send(method, path, body, key) {
        const headers = { 'X-Console': '1', 'Accept': 'application/json' };
        const csrfHeader = meta('_csrf_header');
        if (method !== 'GET' && csrfHeader) {
            headers[csrfHeader] = meta('_csrf');
        }
        if (key) {
            headers['Idempotency-Key'] = key;
        }
        let payload = body;
        if (body !== undefined && !(body instanceof FormData)) {
            headers['Content-Type'] = 'application/json';
            payload = JSON.stringify(body);
        }
        for (let waits = 0; ; waits++) {
            const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
            if (response.status === 401) {
                window.location.assign('/login');      // the session ended
                throw new Problem(401, { detail: 'Your session has ended: log in again' });
            }
            const type = response.headers.get('Content-Type') || '';
            const data = type.includes('json') ? await response.json() : await response.text();
            if (response.ok) {
                return { status: response.status, data, location: response.headers.get('Location') };
            }
            const problem = new Problem(response.status, typeof data === 'object' ? data : { detail: data });
            // the same submission, sent before, still running: its answer comes to a later try (an upload is
            // not sent again and again: its page says so, and sending it again later gets the answer)
            if (problem.problem.type !== IN_PROGRESS || body instanceof FormData || waits >= MAX_WAITS) {
                throw problem;
            }
            await new Promise(resolve => setTimeout(resolve, 1000 * (Number(response.headers.get('Retry-After')) || 1)));
        }
    }

    /** Text of a problem for a person: its detail and every field or row it names. */
    function describe(error) {
        const p = error.problem || {};
        const parts = [p.detail || error.message];
        (p.errors || []).forEach(e => parts.push((e.field ? e.field + ': ' : e.row ? 'row ' + e.row + ': ' : '') + e.message));
        return parts.join('\n');
    }

    function show(element, text) {
        element.textContent = text || '';
        element.hidden = !text;
    }

    function text(id, value) {
        const element = document.getElementById(id);
        if (element) {
            element.textContent = value === null || value === undefined ? '—' : value;
        }
    }

    function escape(value) {
        return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
    }

    function when(iso) {
        return iso ? new Date(iso).toLocaleString() : '—';
    }

    /** Fills a table body from items, one row each, with cells made by columns (functions of an item, escaped). */
    function rows(tbody, items, columns, empty) {
        tbody.innerHTML = items.length === 0
            ? `<tr><td colspan="${columns.length}" class="empty">${escape(empty)}</td></tr>`
            : items.map(item => '<tr>' + columns.map(c => `<td>${c(item)}</td>`).join('') + '</tr>').join('');
    }

    /** Asks with the page's confirm dialog (a reason field included); resolves to the reason, or null when cancelled. */
    function confirmAction(question, withReason = true) {
        const dialog = document.getElementById('confirm-dialog');
        if (!dialog || typeof dialog.showModal !== 'function') {
            return Promise.resolve(window.confirm(question) ? '' : null);
        }
        document.getElementById('confirm-text').textContent = question;
        const reason = document.getElementById('confirm-reason');
        reason.value = '';
        reason.parentElement.hidden = false;
        reason.hidden = !withReason;
        dialog.querySelector('label[for="confirm-reason"]').hidden = !withReason;
        return new Promise(resolve => {
            const done = value => {
                dialog.removeEventListener('close', onClose);
                document.getElementById('confirm-cancel').onclick = null;
                resolve(value);
            };
            const onClose = () => done(dialog.returnValue === 'ok' ? reason.value.trim() : null);
            dialog.addEventListener('close', onClose);
            document.getElementById('confirm-cancel').onclick = () => dialog.close('cancel');
            dialog.returnValue = '';
            dialog.showModal();
            (withReason ? reason : document.getElementById('confirm-ok')).focus();
        });
    }

    return { api, newKey, signature, describe, show, text, escape, when, rows, confirmAction, Problem };
})();
