// A new batch: the CSV by drag and drop or the file picker, a live count of the template's encoding and
// segments, a preview of its first rows rendered, and the server's 400 problems shown beside the field
// or row they name. Created through the API (POST /api/v1/batches), then its send window (PATCH).
'use strict';

(() => {
    const form = document.getElementById('new-batch');
    const file = document.getElementById('file');
    const template = document.getElementById('template');
    const drop = document.getElementById('drop');
    const PREVIEW_ROWS = 5;
    let sample = { header: [], rows: [] };
    // The batch's creation and its key: sent again unchanged (after a failure, or once the batch exists but
    // its send window was refused and is being fixed) it gets the batch created the first time, not a second.
    let creation = { signature: null, key: null };

    async function readSample() {
        const chosen = file.files[0];
        if (!chosen) {
            return;
        }
        const head = await chosen.slice(0, 64 * 1024).text();
        const lines = SmsText.parseCsv(head.replace(/^\uFEFF/, ''), PREVIEW_ROWS + 1);
        sample = { header: lines[0] || [], rows: lines.slice(1, PREVIEW_ROWS + 1) };
        document.getElementById('file-info').textContent = `${chosen.name}, ${(chosen.size / 1024).toFixed(1)} KB; columns: ${sample.header.join(', ')}`;
        document.getElementById('columns').innerHTML = sample.header.map(c => `<option value="${Console.escape(c)}">`).join('');
        if (!form.name.value) {
            form.name.value = chosen.name.replace(/\.csv$/i, '');
        }
        const phone = document.getElementById('phoneColumn');
        if (!sample.header.includes(phone.value)) {
            const guess = sample.header.find(c => /phone|mobile|msisdn|number/i.test(c));
            if (guess) {
                phone.value = guess;
            }
        }
        preview();
    }

    function preview() {
        const m = SmsText.measure(template.value);
        document.getElementById('segment-counter').textContent =
            `${m.encoding} · ${m.units} ${m.encoding === 'GSM-7' ? 'septets' : 'characters'} · ${m.segments} segment${m.segments === 1 ? '' : 's'} (before the rows' values)`;
        const body = document.querySelector('#preview tbody');
        if (!sample.rows.length || !template.value) {
            return;
        }
        const phoneColumn = document.getElementById('phoneColumn').value;
        Console.rows(body, sample.rows.map((values, i) => {
            const row = Object.fromEntries(sample.header.map((name, j) => [name, values[j] ?? '']));
            const text = SmsText.render(template.value, row);
            return { n: i + 1, phone: row[phoneColumn] ?? '', text, m: SmsText.measure(text) };
        }), [r => r.n, r => Console.escape(r.phone), r => Console.escape(r.text), r => `${r.m.encoding}, ${r.m.segments}`], '');
    }

    ['dragenter', 'dragover'].forEach(type => drop.addEventListener(type, event => {
        event.preventDefault();
        drop.classList.add('over');
    }));
    ['dragleave', 'drop'].forEach(type => drop.addEventListener(type, () => drop.classList.remove('over')));
    drop.addEventListener('drop', event => {
        event.preventDefault();
        if (event.dataTransfer.files.length) {
            file.files = event.dataTransfer.files;
            readSample();
        }
    });
    file.addEventListener('change', readSample);
    template.addEventListener('input', preview);
    document.getElementById('phoneColumn').addEventListener('input', preview);

    function clearErrors() {
        form.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
        form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
        document.getElementById('row-errors').innerHTML = '';
        document.getElementById('row-errors-box').hidden = true;
        Console.show(document.getElementById('form-error'), '');
    }

    function showProblem(problem) {
        Console.show(document.getElementById('form-error'), problem.problem.detail || problem.message);
        const rows = [];
        (problem.problem.errors || []).forEach(e => {
            const field = e.field && form.querySelector(`.field-error[data-field="${e.field.split(/[.\[]/)[0]}"]`);
            if (field) {
                field.textContent = e.message;
                document.getElementById(e.field.split(/[.\[]/)[0])?.setAttribute('aria-invalid', 'true');
            } else {
                rows.push((e.row ? `Row ${e.row}: ` : e.field ? `${e.field}: ` : '') + e.message);
            }
        });
        if (rows.length) {
            document.getElementById('row-errors').innerHTML = rows.map(r => `<li>${Console.escape(r)}</li>`).join('');
            document.getElementById('row-errors-box').hidden = false;
        }
        form.querySelector('[aria-invalid="true"]')?.focus();
    }

    function isoOrNull(local) {
        return local ? new Date(local).toISOString() : null;
    }

    function sendWindow() {
        const from = document.getElementById('window-from').value;
        const to = document.getElementById('window-to').value;
        if (!from && !to) {
            return null;
        }
        const days = [...form.querySelectorAll('input[name="days"]:checked')].map(d => d.value);
        const zone = document.getElementById('window-zone').value.trim();
        return { from, to, days, timezone: zone || null };
    }

    form.addEventListener('submit', async event => {
        event.preventDefault();
        clearErrors();
        if (!file.files[0]) {
            form.querySelector('.field-error[data-field="file"]').textContent = 'Choose the CSV of recipients';
            file.focus();
            return;
        }
        const data = new FormData();
        data.append('file', file.files[0]);
        for (const name of ['name', 'template', 'region', 'phoneColumn', 'senderId', 'tps', 'tag', 'budget', 'allowCountries', 'denyCountries']) {
            const value = form.elements[name].value.trim();
            if (value) {
                data.append(name, value);
            }
        }
        const sendAt = isoOrNull(form.sendAt.value);
        const validUntil = isoOrNull(form.validUntil.value);
        if (sendAt) data.append('sendAt', sendAt);
        if (validUntil) data.append('validUntil', validUntil);
        data.append('transactional', form.transactional.checked ? 'true' : 'false');
        const button = document.getElementById('create');
        button.disabled = true;
        try {
            const signature = Console.signature('POST', '/api/v1/batches', data);
            if (creation.signature !== signature) {
                creation = { signature, key: Console.newKey() };
            }
            const { data: batch } = await Console.api('POST', '/api/v1/batches', data, { key: creation.key });
            const window_ = sendWindow();
            if (window_) {
                try {
                    await Console.api('PATCH', `/api/v1/batches/${batch.id}`, { sendWindow: window_ });
                } catch (problem) {
                    // the batch exists: say so, and let the window be fixed here
                    showProblem(problem);
                    Console.show(document.getElementById('form-error'),
                        `Batch #${batch.id} was created, but its send window was refused: ${Console.describe(problem)}`);
                    button.disabled = false;
                    return;
                }
            }
            window.location.assign(`/batches/${batch.id}`);
        } catch (problem) {
            showProblem(problem);
            button.disabled = false;
        }
    });

    preview();
})();
