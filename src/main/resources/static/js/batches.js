// The batches list: its rows (state and progress bars) are fetched again every few seconds while the
// page is visible; the filter form works without script too. A bar's width is set here, from its
// data-percent: the Content-Security-Policy refuses style attributes in the page.
'use strict';

(() => {
    const REFRESH_MS = 3000;
    const container = () => document.getElementById('batch-rows');

    function paintBars(root) {
        root?.querySelectorAll('.bar span[data-percent]').forEach(bar => { bar.style.width = `${bar.dataset.percent}%`; });
    }

    async function refresh() {
        const current = container();
        if (document.hidden || !current) {
            return;
        }
        try {
            const response = await fetch(current.dataset.refresh, { headers: { 'X-Console': '1' }, credentials: 'same-origin' });
            if (response.ok) {
                const html = await response.text();
                const next = new DOMParser().parseFromString(html, 'text/html').getElementById('batch-rows');
                if (next) {
                    paintBars(next);
                    current.replaceWith(next);
                }
            }
        } catch (e) {
            // the next tick tries again
        }
    }

    paintBars(container());
    document.getElementById('state-filter')?.addEventListener('change', e => e.target.form.submit());
    setInterval(refresh, REFRESH_MS);
})();
