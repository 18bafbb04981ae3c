// A campaign: create or edit it (the next five firings shown as the schedule is typed), enable,
// disable, run it now, and its firings. Everything through /api/v1/campaigns.
'use strict';

(() => {
    const page = document.getElementById('campaign-page');
    const id = page.dataset.campaignId || null;
    const form = document.getElementById('campaign-form');
    const $ = name => document.getElementById(name);
    let typing = null;

    async function fireTimes() {
        const list = $('fire-time-list');
        const cron = $('cron').value.trim();
        if (!cron) {
            list.innerHTML = '';
            return;
        }
        try {
            const { data } = await Console.api('GET', `/api/v1/campaigns/fire-times?cron=${encodeURIComponent(cron)}&timezone=${encodeURIComponent($('timezone').value.trim())}`);
            list.innerHTML = data.map(t => `<li>${Console.escape(Console.when(t))}</li>`).join('');
        } catch (problem) {
            list.innerHTML = `<li class="problem">${Console.escape((problem.problem.errors || [])[0]?.message || problem.message)}</li>`;
        }
    }

    function later() {
        clearTimeout(typing);
        typing = setTimeout(fireTimes, 250);
    }

    function counter() {
        const m = SmsText.measure($('template').value);
        $('segment-counter').textContent = `${m.encoding} · ${m.units} · ${m.segments} segment${m.segments === 1 ? '' : 's'}`;
    }

    async function audiences(selected) {
        const { data } = await Console.api('GET', '/api/v1/audiences?page=0&size=100');
        $('audienceId').innerHTML = data.items.map(a =>
            `<option value="${a.id}" ${a.id === selected ? 'selected' : ''}>${Console.escape(a.name)} (#${a.id}, ${a.valid} valid, ${a.state})</option>`).join('');
    }

    async function load() {
        if (!id) {
            await audiences(null);
            return;
        }
        const { data: c } = await Console.api('GET', `/api/v1/campaigns/${id}`);
        $('campaign-title').textContent = `${c.name} (#${c.id})`;
        for (const name of ['name', 'cron', 'timezone', 'template', 'region', 'senderId', 'tps', 'validFor']) {
            $(name).value = c[name] ?? '';
        }
        $('overlap').value = c.overlap;
        $('enabled').checked = c.enabled;
        $('transactional').checked = c.transactional;
        if ($('enable')) $('enable').hidden = c.enabled;
        if ($('disable')) $('disable').hidden = !c.enabled;
        await audiences(c.audienceId);
        counter();
        const { data: firings } = await Console.api('GET', `/api/v1/campaigns/${id}/firings`);
        const items = Array.isArray(firings) ? firings : firings.items;
        Console.rows(document.querySelector('#firings tbody'), items, [
            f => Console.escape(Console.when(f.scheduledFor)), f => Console.escape(Console.when(f.firedAt)),
            f => Console.escape(f.trigger + ' · ' + f.actor), f => f.decision,
            f => f.batchId ? `<a href="/batches/${f.batchId}">#${f.batchId}</a>` : '', f => Console.escape(f.reason || '')
        ], 'Not fired yet.');
    }

    function body() {
        const tps = $('tps').value.trim();
        return {
            name: $('name').value.trim(), cron: $('cron').value.trim(), timezone: $('timezone').value.trim() || null,
            audienceId: $('audienceId').value ? Number($('audienceId').value) : null, template: $('template').value,
            region: $('region').value.trim() || null, senderId: $('senderId').value.trim() || null,
            tps: tps ? Number(tps) : null, enabled: $('enabled').checked, overlap: $('overlap').value,
            validFor: $('validFor').value.trim() || null, transactional: $('transactional').checked
        };
    }

    function showProblem(problem) {
        form.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
        Console.show($('form-error'), Console.describe(problem));
        (problem.problem.errors || []).forEach(e => {
            const slot = e.field && form.querySelector(`.field-error[data-field="${e.field.split(/[.\[]/)[0]}"]`);
            if (slot) slot.textContent = e.message;
        });
    }

    form.addEventListener('submit', async event => {
        event.preventDefault();
        Console.show($('form-error'), '');
        try {
            const { data } = id ? await Console.api('PUT', `/api/v1/campaigns/${id}`, body())
                : await Console.api('POST', '/api/v1/campaigns', body());
            window.location.assign(`/campaigns/${data.id}`);
        } catch (problem) {
            showProblem(problem);
        }
    });

    for (const action of ['enable', 'disable', 'run']) {
        $(action)?.addEventListener('click', async () => {
            if (action === 'run' && await Console.confirmAction('Fire this campaign now?', false) === null) {
                return;
            }
            try {
                await Console.api('POST', `/api/v1/campaigns/${id}/${action}`);
                await load();
            } catch (problem) {
                Console.show($('form-error'), Console.describe(problem));
            }
        });
    }

    // a role that may not change campaigns reads the form only
    if (!$('save')) {
        $('campaign-fields').disabled = true;
    }
    $('cron').addEventListener('input', later);
    $('timezone').addEventListener('input', later);
    $('template').addEventListener('input', counter);
    load().then(fireTimes).catch(problem => Console.show($('form-error'), Console.describe(problem)));
})();
