// The opt-out list: search it, add numbers, import a CSV (its progress followed), and, for ADMIN,
// remove a number with a reason (audited).
'use strict';

(() => {
    const $ = id => document.getElementById(id);
    const mayRemove = !!$('may-remove');
    const query = () => {
        const phone = $('phone-filter').value.trim();
        const source = $('source-filter').value;
        return (phone ? `&phone=${encodeURIComponent(phone)}` : '') + (source ? `&source=${source}` : '');
    };
    const list = Lists.paged('opt-outs', page => `/api/v1/opt-outs?page=${page}&size=50${query()}`, [
        e => Console.escape(e.phone), e => Console.escape(e.source), e => Console.escape(e.reason || ''),
        e => Console.escape(e.createdBy || ''), e => Console.escape(Console.when(e.createdAt)),
        e => mayRemove ? `<button type="button" class="danger small" data-remove="${Console.escape(e.phone)}">Remove</button>` : ''
    ], 'No number matches.');

    $('filter').addEventListener('submit', event => { event.preventDefault(); list.reload(); });

    $('add-form')?.addEventListener('submit', async event => {
        event.preventDefault();
        const phones = $('phones').value.split(/[\n,;]+/).map(p => p.trim()).filter(Boolean);
        try {
            const { data } = await Console.api('POST', '/api/v1/opt-outs',
                { phones, region: $('add-region').value.trim() || null, reason: $('add-reason').value.trim() || null });
            $('add-result').textContent = `Added ${data.added ?? ''}${data.already !== undefined ? `, ${data.already} already on the list` : ''}.`;
            $('phones').value = '';
            list.reload();
        } catch (problem) {
            $('add-result').textContent = Console.describe(problem);
        }
    });

    $('import-form')?.addEventListener('submit', async event => {
        event.preventDefault();
        const file = $('import-file').files[0];
        if (!file) {
            $('import-result').textContent = 'Choose a CSV';
            return;
        }
        const data = new FormData();
        data.append('file', file);
        data.append('region', $('import-region').value.trim());
        data.append('phoneColumn', $('import-column').value.trim());
        try {
            const { data: started } = await Console.api('POST', '/api/v1/opt-outs', data);
            const follow = async () => {
                const { data: job } = await Console.api('GET', `/api/v1/opt-outs/imports/${started.id}`);
                $('import-result').textContent = `Import #${job.id}: ${job.state}, ${job.rows} rows, ${job.added} added, ${job.already} already, ${job.invalid} invalid${job.error ? ' — ' + job.error : ''}`;
                if (job.state === 'DONE' || job.state === 'FAILED') {
                    list.reload();
                } else {
                    setTimeout(follow, 1000);
                }
            };
            follow();
        } catch (problem) {
            $('import-result').textContent = Console.describe(problem);
        }
    });

    $('opt-outs').addEventListener('click', async event => {
        const phone = event.target.closest('[data-remove]')?.dataset.remove;
        if (!phone) {
            return;
        }
        const reason = await Console.confirmAction(`Remove ${phone} from the opt-out list? It may be sent to again.`);
        if (reason === null) {
            return;
        }
        try {
            await Console.api('DELETE', `/api/v1/opt-outs/${encodeURIComponent(phone)}`, { reason });
            list.reload(false);
        } catch (problem) {
            Console.show($('list-error'), Console.describe(problem));
        }
    });
})();
