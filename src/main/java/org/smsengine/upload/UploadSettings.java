package org.smsengine.upload;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and defaults of batch creation ({@code sms.upload}).
 *
 * @param defaultRegion     region (ISO 3166 alpha-2) for numbers written without {@code +} when a batch names none
 * @param maxSize           largest CSV upload (413 above it)
 * @param chunkSize         size of the pieces the upload is stored in
 * @param maxRecordSize     largest single CSV record; protects the heap from a runaway quoted field
 * @param maxFieldLength    longest field of a row, in characters; a longer one rejects the row
 * @param maxJsonRecipients most recipients of the JSON form (413 above it)
 * @param maxJsonSize       largest JSON request body (413 above it); also Jackson's limit on any one JSON document
 *                          it reads
 */
@ConfigurationProperties("sms.upload")
@Validated
public record UploadSettings(
        @Pattern(regexp = "[A-Za-z]{2}") @DefaultValue("US") String defaultRegion,
        @NotNull @DefaultValue("200MB") DataSize maxSize,
        @NotNull @DefaultValue("1MB") DataSize chunkSize,
        @NotNull @DefaultValue("4MB") DataSize maxRecordSize,
        @Positive @DefaultValue("1000") int maxFieldLength,
        @Positive @DefaultValue("10000") int maxJsonRecipients,
        @NotNull @DefaultValue("20MB") DataSize maxJsonSize) {
}
