// One batch, live: its progress stream (the API's, shared on the server by everyone watching the
// batch: one reading per second whatever the number of browsers), the send-rate chart against the
// TPS limit, the actions its state allows (each confirmed, with a reason), the test-send, and the
// messages a page at a time.
'use strict';

(() => {
    const page = document.getElementById('batch-page');
    const id = page.dataset.batchId;
    const tpsLimit = page.dataset.tpsLimit ? Number(page.dataset.tpsLimit) : null;
    const FINAL = ['COMPLETED', 'FAILED', 'ABORTED'];
    // the states this user's role may test-send in (an approver: a batch under review only)
    const TEST_SEND_STATES = (document.getElementById('test-send-form')?.dataset.states || '').split(',');
    const CHART_POINTS = 300;
    let state = page.dataset.state;
    let stream = null;

    // ---- live progress ----------------------------------------------------------------------------------------

    function updateCounts(counts) {
        for (const [name, value] of Object.entries(counts)) {
            Console.text('count-' + name, value);
        }
        const total = counts.prepared || counts.valid || 0;
        const delivered = counts.delivered;
        const failed = counts.failed;
        const sentOnly = Math.max(0, counts.sent - delivered - failed);
        const done = delivered + failed + sentOnly + counts.suppressed + counts.cancelled;
        const parts = { delivered, sent: sentOnly, failed, suppressed: counts.suppressed, cancelled: counts.cancelled,
            pending: Math.max(0, total - done) };
        document.querySelectorAll('#stack [data-part]').forEach(span => {
            const value = parts[span.dataset.part] || 0;
            span.style.width = total > 0 ? (100 * value / total) + '%' : '0';
            span.title = span.dataset.part + ': ' + value;
        });
    }

    const chart = (() => {
        const element = document.getElementById('rate-chart');
        const times = [], rates = [], limits = [];
        let plot = null;
        function make() {
            if (plot || typeof uPlot === 'undefined' || !element) {
                return;
            }
            const series = [{}, { label: 'msg/s', stroke: '#2563eb', width: 2 }];
            if (tpsLimit) {
                series.push({ label: 'TPS limit', stroke: '#dc2626', dash: [6, 4] });
            }
            plot = new uPlot({ width: Math.max(280, element.clientWidth), height: 200, series,
                axes: [{}, { label: 'msg/s' }], scales: { x: { time: true } } }, data(), element);
            window.addEventListener('resize', () => plot.setSize({ width: Math.max(280, element.clientWidth), height: 200 }));
        }
        function data() {
            return tpsLimit ? [times, rates, limits] : [times, rates];
        }
        return {
            add(rate) {
                times.push(Date.now() / 1000);
                rates.push(rate);
                limits.push(tpsLimit);
                if (times.length > CHART_POINTS) {
                    times.shift(); rates.shift(); limits.shift();
                }
                make();
                plot?.setData(data());
            }
        };
    })();

    function onProgress(p) {
        Console.text('progress-pct', p.percent.toFixed(1) + ' %');
        Console.text('progress-step', p.step || '');
        Console.text('rate', p.ratePerSecond);
        Console.text('eta', p.etaSeconds === null || p.etaSeconds === undefined ? '—' : formatSeconds(p.etaSeconds));
        Console.text('waiting-until', p.waitingUntil ? Console.when(p.waitingUntil) : '—');
        // a service this node cannot reach while the batch works: its work waits for it, then goes on by itself
        Console.text('waiting-for', p.waitingFor ? 'the ' + p.waitingFor.service + ' since ' + Console.when(p.waitingFor.since) : '—');
        Console.text('source', p.source);
        updateCounts(p.counts);
        chart.add(p.ratePerSecond);
        if (p.state !== state) {
            state = p.state;
            refreshBatch();
        }
    }

    function formatSeconds(s) {
        return s >= 3600 ? Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min'
            : s >= 60 ? Math.floor(s / 60) + ' min ' + (s % 60) + ' s' : s + ' s';
    }

    function openStream() {
        if (FINAL.includes(state) || typeof EventSource === 'undefined') {
            return;
        }
        stream = new EventSource(`/api/v1/batches/${id}/progress/stream`);
        stream.addEventListener('progress', event => onProgress(JSON.parse(event.data)));
        // the server ends the stream once the batch is final and no receipt is awaited: no reconnecting then
        // (any other end, a node stopping say, and EventSource reconnects, to another node if need be)
        stream.addEventListener('error', () => {
            if (FINAL.includes(state) && stream) {
                stream.close();
                stream = null;
            }
        });
    }

    // ---- the batch's state and actions ------------------------------------------------------------------------

    async function refreshBatch(batch) {
        try {
            const view = batch || (await Console.api('GET', `/api/v1/batches/${id}`)).data;
            state = view.state;
            page.dataset.state = state;
            const badge = document.getElementById('batch-state');
            badge.textContent = state;
            badge.className = 'state state-' + state;
            Console.text('state-reason', view.stateReason || view.error || '');
            updateCounts(view.counts);
            const own = page.dataset.createdBy === document.getElementById('whoami').textContent.trim();
            document.querySelectorAll('#actions [data-action]').forEach(button => {
                const review = button.dataset.action === 'approve' || button.dataset.action === 'reject';
                button.hidden = !view.allowedActions.includes(button.dataset.action) || (review && own);
            });
            const nothing = document.getElementById('no-action-now');
            if (nothing) {
                nothing.hidden = [...document.querySelectorAll('#actions [data-action]')].some(button => !button.hidden);
            }
            const note = document.getElementById('own-batch-note');
            if (note) {
                note.hidden = !view.allowedActions.includes('approve');
            }
            const testSend = document.getElementById('test-send-form');
            if (testSend) {
                testSend.hidden = !TEST_SEND_STATES.includes(state);
            }
            reload('audit');
            reload('outcomes');
            reload('rejected');
            if (!stream) {
                openStream();
            }
        } catch (error) {
            Console.show(document.getElementById('action-error'), Console.describe(error));
        }
    }

    document.querySelectorAll('#actions [data-action]').forEach(button => button.addEventListener('click', async () => {
        const action = button.dataset.action;
        const name = document.querySelector('h1 span').textContent;
        const reason = await Console.confirmAction(`${action[0].toUpperCase() + action.slice(1)} batch “${name}” (#${id})?`);
        if (reason === null) {
            return;
        }
        const error = document.getElementById('action-error');
        Console.show(error, '');
        try {
            const { data } = await Console.api('POST', `/api/v1/batches/${id}/${action}`, reason ? { reason } : {});
            await refreshBatch(data);
        } catch (problem) {
            Console.show(error, Console.describe(problem));
            refreshBatch();
        }
    }));

    document.getElementById('test-send-form')?.addEventListener('submit', async event => {
        event.preventDefault();
        const output = document.getElementById('test-send-result');
        const phones = document.getElementById('test-send-phones').value.split(/[\s,;]+/).filter(Boolean);
        output.textContent = 'Sending…';
        try {
            const { data } = await Console.api('POST', `/api/v1/batches/${id}/test-send`, { phones });
            output.textContent = data.seeds.map(s => `${s.phone}: ${s.status}${s.error ? ' (' + s.error + ')' : ''}`).join('; ');
            reload('audit');
        } catch (problem) {
            output.textContent = Console.describe(problem);
            reload('audit');        // a call whose seeds were all refused is audited too
        }
    });

    // ---- the parts loaded apart from the page ----------------------------------------------------------------

    async function reload(part) {
        const element = document.getElementById(part);
        if (!element) {
            return;
        }
        try {
            const response = await fetch(element.dataset.src, { headers: { 'X-Console': '1' }, credentials: 'same-origin' });
            if (response.ok) {
                element.innerHTML = await response.text();
            }
        } catch (e) {
            // shown again at the next change
        }
    }

    document.getElementById('messages').addEventListener('click', async event => {
        const more = event.target.closest('button.more');
        if (!more) {
            return;
        }
        more.disabled = true;
        const response = await fetch(more.dataset.next, { headers: { 'X-Console': '1' }, credentials: 'same-origin' });
        const html = await response.text();
        const body = new DOMParser().parseFromString(`<table>${html}</table>`, 'text/html').querySelector('tbody');
        const row = more.closest('tr');
        [...body.children].forEach(child => row.before(child));
        row.remove();
    });

    updateCounts(Object.fromEntries([...document.querySelectorAll('#counts dd')]
        .map(dd => [dd.id.replace('count-', ''), Number(dd.textContent)])));
    reload('outcomes');
    openStream();
})();
