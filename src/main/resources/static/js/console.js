// The console's calls to the REST API: the session's cookie, its CSRF token, and a header that tells
// the API not to answer 401 with a password dialog. Problems (RFC 9457) come back as thrown errors
// carrying the problem, so a page shows its detail beside the field or row it names.
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

    async function api(method, path, body) {
        const headers = { 'X-Console': '1', 'Accept': 'application/json' };
        const csrfHeader = meta('_csrf_header');
        if (method !== 'GET' && csrfHeader) {
            headers[csrfHeader] = meta('_csrf');
        }
        let payload = body;
        if (body !== undefined && !(body instanceof FormData)) {
            headers['Content-Type'] = 'application/json';
            payload = JSON.stringify(body);
        }
        const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
        if (response.status === 401) {
            window.location.assign('/login');      // the session ended
            throw new Problem(401, { detail: 'Your session has ended: log in again' });
        }
        const type = response.headers.get('Content-Type') || '';
        const data = type.includes('json') ? await response.json() : await response.text();
        if (!response.ok) {
            throw new Problem(response.status, typeof data === 'object' ? data : { detail: data });
        }
        return { status: response.status, data, location: response.headers.get('Location') };
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

    return { api, describe, show, text, escape, when, rows, confirmAction, Problem };
})();
