// Cluster: the nodes sharing the database, refreshed every 3 s.
'use strict';

(() => {
    const table = document.getElementById('nodes');
    const error = document.getElementById('list-error');

    async function load() {
        try {
            const { data } = await Console.api('GET', '/api/v1/cluster/nodes');
            Console.rows(table.querySelector('tbody'), data, [
                n => Console.escape(n.node), n => Console.escape(n.host),
                n => `<span class="health health-${n.alive ? 'up' : 'down'}">${n.alive ? 'ALIVE' : 'LOST'}</span>`,
                n => Console.escape(Console.when(n.startedAt)), n => Console.escape(Console.when(n.lastSeen)),
                n => String(n.partitionsRunning), n => Console.escape(n.broker)
            ], 'No node has beaten yet.');
            Console.show(error, '');
        } catch (e) {
            Console.show(error, Console.describe(e));
        }
    }

    load();
    setInterval(load, 3000);
})();
