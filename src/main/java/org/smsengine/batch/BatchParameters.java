package org.smsengine.batch;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smsengine.recipient.PhoneNumbers;
import org.smsengine.system.InputError;
import org.smsengine.system.InvalidInputException;
import org.smsengine.template.MessageTemplate;
import org.smsengine.template.TemplateSyntaxException;
import org.smsengine.upload.SourceFormat;
import org.smsengine.upload.UploadSettings;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The parameters of a new batch, as both forms of {@code POST /api/v1/batches} carry them.
 * {@link #check} reports every problem at once rather than the first.
 */
public record BatchParameters(
        String name,
        String template,
        String region,
        String phoneColumn,
        String senderId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime sendAt,
        Integer tps) {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_SENDER_ID_LENGTH = 20;
    static final String DEFAULT_PHONE_COLUMN = "phone";

    /** The checked parameters with defaults applied, or a 400 naming every bad field. */
    Checked check(UploadSettings settings, Clock clock) {
        List<InputError> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(InputError.field("name", "A batch needs a name"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add(InputError.field("name", "The name is longer than " + MAX_NAME_LENGTH + " characters"));
        }
        MessageTemplate parsed = parseTemplate(errors);
        String effectiveRegion = region == null || region.isBlank() ? settings.defaultRegion() : region.strip();
        if (!PhoneNumbers.isSupportedRegion(effectiveRegion)) {
            errors.add(InputError.field("region", "'" + effectiveRegion + "' is not an ISO 3166 alpha-2 region code"));
        }
        if (senderId != null && senderId.length() > MAX_SENDER_ID_LENGTH) {
            errors.add(InputError.field("senderId", "The sender id is longer than " + MAX_SENDER_ID_LENGTH + " characters"));
        }
        if (sendAt != null && sendAt.isBefore(OffsetDateTime.now(clock))) {
            errors.add(InputError.field("sendAt", "sendAt " + sendAt + " is in the past"));
        }
        if (tps != null && tps < 1) {
            errors.add(InputError.field("tps", "tps must be at least 1"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The batch parameters are not valid: " + errors.get(0).message(), errors);
        }
        String column = phoneColumn == null || phoneColumn.isBlank() ? DEFAULT_PHONE_COLUMN : phoneColumn.strip();
        return new Checked(name.strip(), parsed, effectiveRegion.toUpperCase(Locale.ROOT), column,
                senderId == null || senderId.isBlank() ? null : senderId.strip(), sendAt, tps);
    }

    private MessageTemplate parseTemplate(List<InputError> errors) {
        if (template == null || template.isBlank()) {
            errors.add(InputError.field("template", "A batch needs a message template"));
            return null;
        }
        try {
            return MessageTemplate.parse(template);
        } catch (TemplateSyntaxException e) {
            errors.add(InputError.field("template", e.getMessage()));
            return null;
        }
    }

    record Checked(String name, MessageTemplate template, String region, String phoneColumn, String senderId,
            OffsetDateTime sendAt, Integer tps) {

        NewBatch toNewBatch(SourceFormat format, String createdBy) {
            return new NewBatch(name, template.source(), format, phoneColumn, region, senderId, sendAt, tps, createdBy);
        }
    }
}
