// Providers: how each is doing, refreshed every 3 s; an ADMIN disables (drains) or enables one, with a reason.
'use strict';

(() => {
    const table = document.getElementById('providers');
    const maySwitch = table.dataset.maySwitch === 'true';
    const error = document.getElementById('list-error');
    const percent = rate => rate === null || rate === undefined ? '—' : (rate * 100).toFixed(1) + ' %';

    function button(p) {
        if (!maySwitch) {
            return p.enabled ? 'yes' : 'no';
        }
        const action = p.enabled ? 'disable' : 'enable';
        return `${p.enabled ? 'yes' : 'no'} <button type="button" data-provider="${Console.escape(p.name)}"`
            + ` data-action="${action}">${action === 'disable' ? 'Disable' : 'Enable'}</button>`;
    }

    async function load() {
        try {
            const { data } = await Console.api('GET', '/api/v1/providers');
            Console.rows(table.querySelector('tbody'), data, [
                p => Console.escape(p.name), p => Console.escape(p.type),
                p => `<span class="health health-${Console.escape(p.health).toLowerCase()}">${Console.escape(p.health)}</span>`,
                p => Console.escape(p.circuit), p => `${p.currentTps} / ${p.tps}`,
                p => `${p.sessions.bound} of ${p.sessions.configured}`, p => percent(p.errorRate),
                p => p.lastError ? Console.escape(p.lastError) + ' <span class="note">' + Console.escape(Console.when(p.lastErrorAt)) + '</span>' : '—',
                button
            ], 'No provider is configured (sms.providers.definitions).');
            Console.show(error, '');
        } catch (e) {
            Console.show(error, Console.describe(e));
        }
    }

    table.addEventListener('click', async event => {
        const target = event.target.closest('button[data-action]');
        if (!target) {
            return;
        }
        const { provider, action } = target.dataset;
        const reason = await Console.confirmAction(action === 'disable'
            ? `Disable ${provider}? No new message goes to it on any node; those in flight finish.`
            : `Enable ${provider} again?`);
        if (reason === null) {
            return;
        }
        try {
            await Console.api('POST', `/api/v1/providers/${encodeURIComponent(provider)}/${action}`, reason ? { reason } : {});
            await load();
        } catch (e) {
            Console.show(error, Console.describe(e));
        }
    });

    load();
    setInterval(load, 3000);
})();
