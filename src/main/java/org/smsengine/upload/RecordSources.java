package org.smsengine.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.stereotype.Component;

/** Opens the right reader for a stored upload. */
@Component
public class RecordSources {

    private final ObjectMapper json;

    RecordSources(ObjectMapper json) {
        this.json = json;
    }

    public RecordSource open(SourceFormat format, InputStream upload, String phoneColumn, List<String> variables)
            throws IOException {
        return switch (format) {
            case CSV -> new CsvRecordSource(upload, phoneColumn, variables);
            case JSON -> new JsonLinesRecordSource(upload, variables, json);
        };
    }
}
