package org.smsengine.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and defaults of batch creation ({@code sms.upload}).
 *
 * @param defaultRegion     region for numbers written without {@code +} when a batch names none
 * @param maxSize           largest CSV upload (413 above it)
 * @param chunkSize         size of the pieces the upload is stored in
 * @param maxRecordSize     largest single CSV record; protects the heap from a runaway quoted field
 * @param maxFieldLength    longest field of a row, in characters; a longer one rejects the row
 * @param maxJsonRecipients most recipients of the JSON form (413 above it)
 * @param maxJsonSize       largest JSON request body (413 above it)
 */
@ConfigurationProperties("sms.upload")
public record UploadSettings(
        @DefaultValue("US") String defaultRegion,
        @DefaultValue("200MB") DataSize maxSize,
        @DefaultValue("1MB") DataSize chunkSize,
        @DefaultValue("4MB") DataSize maxRecordSize,
        @DefaultValue("1000") int maxFieldLength,
        @DefaultValue("10000") int maxJsonRecipients,
        @DefaultValue("20MB") DataSize maxJsonSize) {
}
