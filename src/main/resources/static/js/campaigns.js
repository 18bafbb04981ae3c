// Campaigns: the list, paged, each linking to its page.
'use strict';

(() => {
    Lists.paged('campaigns', page => `/api/v1/campaigns?page=${page}&size=20`, [
        c => c.id,
        c => `<a href="/campaigns/${c.id}">${Console.escape(c.name)}</a>`,
        c => `<code>${Console.escape(c.cron)}</code> ${Console.escape(c.timezone)}`,
        c => c.enabled ? 'yes' : 'no',
        c => Console.when(c.nextFireTimes?.[0]),
        c => c.audienceId
    ], 'No campaign yet.');
})();
