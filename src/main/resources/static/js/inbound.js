// Messages handsets sent: filtered by number, keyword or batch; the export takes the same filter.
'use strict';

(() => {
    const $ = id => document.getElementById(id);
    const query = () => {
        const params = new URLSearchParams();
        if ($('phone-filter').value.trim()) params.set('phone', $('phone-filter').value.trim());
        if ($('keyword-filter').value) params.set('keyword', $('keyword-filter').value);
        if ($('batch-filter').value) params.set('batchId', $('batch-filter').value);
        return params.toString();
    };
    const list = Lists.paged('inbound', page => `/api/v1/inbound?page=${page}&size=50&${query()}`, [
        m => Console.escape(Console.when(m.receivedAt)), m => Console.escape(m.from), m => Console.escape(m.to),
        m => Console.escape(m.text), m => Console.escape(m.keyword || ''), m => Console.escape(m.action || ''),
        m => m.batchId ? `<a href="/batches/${m.batchId}">#${m.batchId}</a>` : '',
        m => m.reply ? Console.escape(`${m.reply.status}: ${m.reply.text}`) : ''
    ], 'Nothing received.');
    $('filter').addEventListener('submit', event => {
        event.preventDefault();
        $('inbound-export').href = '/api/v1/inbound/export?' + query();
        list.reload();
    });
})();
