package org.smsengine.pipeline.preparation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smsengine.message.PreparedMessage;
import org.smsengine.recipient.RecipientRow;
import org.smsengine.template.MessageTemplate;
import org.smsengine.template.SegmentCounter;
import org.springframework.batch.item.ItemProcessor;

/** Renders a page of recipients' messages and encodes them. Stored values are read with a streaming parser: no map per row. */
class MessageRenderer implements ItemProcessor<List<RecipientRow>, List<PreparedMessage>> {

    private static final JsonFactory JSON = new JsonFactory();

    private final MessageTemplate template;
    private final Map<String, Integer> slots = new HashMap<>();

    MessageRenderer(MessageTemplate template) {
        this.template = template;
        List<String> variables = template.variables();
        for (int i = 0; i < variables.size(); i++) {
            slots.put(variables.get(i), i);
        }
    }

    @Override
    public List<PreparedMessage> process(List<RecipientRow> page) {
        List<PreparedMessage> messages = new ArrayList<>(page.size());
        for (RecipientRow recipient : page) {
            String text = template.render(values(recipient.vars()));
            messages.add(new PreparedMessage(recipient.rowNo(), recipient.phone(), recipient.country(), text, SegmentCounter.encode(text)));
        }
        return messages;
    }

    private String[] values(String varsJson) {
        String[] values = new String[slots.size()];
        if (values.length == 0) {
            return values;
        }
        try (JsonParser parser = JSON.createParser(varsJson)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                Integer slot = slots.get(parser.currentName());
                parser.nextToken();
                if (slot != null) {
                    values[slot] = parser.getText();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Stored template values are not a JSON object: " + varsJson, e);
        }
        return values;
    }
}
