package org.smsengine.batch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.smsengine.recipient.CountryRule;
import org.smsengine.template.MessageTemplate;
import org.smsengine.upload.SourceFormat;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The parameters of a new batch, as both forms of {@code POST /api/v1/batches} carry them;
 * {@link SendParameterValidator#check} checks them.
 */
public record BatchParameters(
        String name,
        String template,
        String region,
        String phoneColumn,
        String senderId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime sendAt,
        Integer tps,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime validUntil,
        Boolean transactional,
        List<String> allowCountries,
        List<String> denyCountries,
        BigDecimal budget,
        String tag) {

    /** A batch with the engine's country rule (no list of its own). */
    public BatchParameters(String name, String template, String region, String phoneColumn, String senderId,
            OffsetDateTime sendAt, Integer tps, OffsetDateTime validUntil, Boolean transactional) {
        this(name, template, region, phoneColumn, senderId, sendAt, tps, validUntil, transactional, null, null, null, null);
    }

    record Checked(String name, MessageTemplate template, String region, String phoneColumn, String senderId,
            OffsetDateTime sendAt, Integer tps, OffsetDateTime validUntil, boolean transactional, CountryRule countries,
            BigDecimal budget, String tag) {

        NewBatch toNewBatch(SourceFormat format, String createdBy) {
            return new NewBatch(name, template.source(), format, phoneColumn, region, senderId, sendAt, tps, validUntil,
                    transactional, countries.stored(), budget, tag, createdBy);
        }
    }
}
