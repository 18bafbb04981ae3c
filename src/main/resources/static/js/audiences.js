// Audiences: the list, and an upload for those who may create them.
'use strict';

(() => {
    const list = Lists.paged('audiences', page => `/api/v1/audiences?page=${page}&size=20`, [
        a => a.id, a => Console.escape(a.name), a => Console.escape(a.state) + (a.error ? ` (${Console.escape(a.error)})` : ''),
        a => a.rowCount, a => a.valid, a => a.invalid, a => a.duplicates, a => Console.escape(Console.when(a.createdAt))
    ], 'No audience yet.');
    const form = document.getElementById('audience-form');
    form?.addEventListener('submit', async event => {
        event.preventDefault();
        const error = document.getElementById('form-error');
        Console.show(error, '');
        const file = document.getElementById('file').files[0];
        if (!file) {
            Console.show(error, 'Choose the CSV of recipients');
            return;
        }
        const data = new FormData();
        data.append('file', file);
        for (const name of ['name', 'region', 'phoneColumn']) {
            const value = document.getElementById(name).value.trim();
            if (value) data.append(name, value);
        }
        try {
            await Console.api('POST', '/api/v1/audiences', data);
            form.reset();
            list.reload();
        } catch (problem) {
            Console.show(error, Console.describe(problem));
        }
    });
})();
