// What a message costs, as the engine counts it: GSM-7 when every character is in the GSM 03.38
// alphabet (its extension characters take two septets), otherwise UCS-2 (UTF-16 code units); one
// segment holds 160/70, a part of a longer message 153/67.
'use strict';

const SmsText = (() => {
    const BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
    const EXTENDED = '^{}\\[~]|€\f';

    function measure(text) {
        let septets = 0;
        let gsm = true;
        for (const c of text) {
            if (BASIC.includes(c)) {
                septets += 1;
            } else if (EXTENDED.includes(c)) {
                septets += 2;
            } else {
                gsm = false;
                break;
            }
        }
        if (gsm) {
            return { encoding: 'GSM-7', units: septets, segments: septets === 0 ? 0 : septets <= 160 ? 1 : Math.ceil(septets / 153) };
        }
        const units = text.length;  // UTF-16 code units, as UCS-2 carries them
        return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }

    /** The template with each {{column}} replaced by the row's value (missing: empty). */
    function render(template, row) {
        return template.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (all, name) => row[name] ?? '');
    }

    /** RFC 4180 CSV lines, enough for a preview: quoted fields, doubled quotes, commas and line breaks inside quotes. */
    function parseCsv(text, maxRows) {
        const rows = [];
        let row = [], field = '', quoted = false;
        for (let i = 0; i < text.length && rows.length <= maxRows; i++) {
            const c = text[i];
            if (quoted) {
                if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
                else if (c === '"') { quoted = false; }
                else { field += c; }
            } else if (c === '"') { quoted = true; }
            else if (c === ',') { row.push(field); field = ''; }
            else if (c === '\n' || c === '\r') {
                if (c === '\r' && text[i + 1] === '\n') { i++; }
                row.push(field); rows.push(row); row = []; field = '';
            } else { field += c; }
        }
        if (field !== '' || row.length) { row.push(field); rows.push(row); }
        return rows;
    }

    return { measure, render, parseCsv };
})();
