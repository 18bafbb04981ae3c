package org.smsengine.batch;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How deep a listing's pages go ({@code sms.paging}); every listing makes its {@link PageRequest} here.
 *
 * @param maxOffset the furthest row a page may start at ({@code page * size}): PostgreSQL reads and
 *                  throws away every row before it, so a deep page costs as much as the whole listing (the CSV
 *                  report has every row)
 */
@ConfigurationProperties("sms.paging")
@Validated
public record PageLimits(@PositiveOrZero @DefaultValue("100000") long maxOffset) {

    /** The checked page request, or a 400 naming the bad parameter. */
    public PageRequest of(int page, int size) {
        return PageRequest.of(page, size, maxOffset);
    }
}
