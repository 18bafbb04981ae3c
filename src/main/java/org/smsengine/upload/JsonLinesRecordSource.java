package org.smsengine.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Reads the JSON lines the JSON form of batch creation stored: one recipient per line, numbered from 1. */
final class JsonLinesRecordSource implements RecordSource {

    private final CountingInputStream counting;
    private final BufferedReader lines;
    private final List<String> variables;
    private final ObjectMapper json;
    private int rowNo;

    JsonLinesRecordSource(InputStream upload, List<String> variables, ObjectMapper json) {
        this.counting = new CountingInputStream(upload);
        this.lines = new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8));
        this.variables = variables;
        this.json = json;
    }

    @Override
    public SourceRecord next() throws IOException {
        String line = lines.readLine();
        if (line == null) {
            return null;
        }
        rowNo++;
        JsonRecipient recipient = json.readValue(line, JsonRecipient.class);
        Map<String, String> vars = recipient.vars() == null ? Map.of() : recipient.vars();
        String[] values = variables.stream().map(vars::get).toArray(String[]::new);
        String[] fields = vars.values().toArray(String[]::new);
        return new SourceRecord(rowNo, recipient.phone(), values, fields, line, null);
    }

    @Override
    public long bytesRead() {
        return counting.count();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
