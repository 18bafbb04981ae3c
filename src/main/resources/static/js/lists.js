// Paged lists read from the API: a table body, previous/next buttons, and the page's problem line.
'use strict';

const Lists = (() => {
    function paged(tableId, url, columns, empty, onLoaded) {
        let page = 0;
        const tbody = document.querySelector(`#${tableId} tbody`);
        const prev = document.getElementById('prev');
        const next = document.getElementById('next');
        async function load() {
            try {
                const { data } = await Console.api('GET', url(page));
                Console.rows(tbody, data.items, columns, empty);
                const pages = Math.max(1, Math.ceil(data.total / data.size));
                Console.text('page-info', `Page ${page + 1} of ${pages} · ${data.total}`);
                prev.hidden = page === 0;
                next.hidden = page + 1 >= pages;
                onLoaded?.(data);
            } catch (problem) {
                Console.show(document.getElementById('list-error'), Console.describe(problem));
            }
        }
        prev.addEventListener('click', () => { page = Math.max(0, page - 1); load(); });
        next.addEventListener('click', () => { page += 1; load(); });
        load();
        return { reload: (first = true) => { if (first) { page = 0; } return load(); } };
    }

    return { paged };
})();
