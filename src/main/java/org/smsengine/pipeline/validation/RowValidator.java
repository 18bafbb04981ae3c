package org.smsengine.pipeline.validation;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import org.smsengine.recipient.CountryRule;
import org.smsengine.recipient.PhoneCheck;
import org.smsengine.recipient.PhoneNumbers;
import org.smsengine.recipient.RejectReason;
import org.smsengine.system.UserText.Kind;
import org.smsengine.system.UserText;
import org.smsengine.template.MessageLimits;
import org.smsengine.template.MessageTemplate;
import org.smsengine.template.SegmentCounter;
import org.smsengine.upload.SourceRecord;

/**
 * The checks a row can be judged by alone, in this order: it has the header's shape, its fields
 * are of sane length and free of NUL, its phone and template values are text a user may send, its
 * phone is present and a valid number for the batch's region, of a country its country rule allows, every template variable has a value
 * (an empty cell is a value; only the JSON form can leave one out), and its rendered message fits
 * {@code sms.message.max-segments} (rendering and counting cost about a microsecond: cheap here, and
 * a message that does not fit never reaches delivery). Thread-safe: rows are checked in parallel.
 */
class RowValidator {

    private final String region;
    private final MessageTemplate template;
    private final List<String> variables;
    private final int maxFieldLength;
    private final MessageLimits limits;
    private final CountryRule countries;

    RowValidator(String region, MessageTemplate template, int maxFieldLength, MessageLimits limits) {
        this(region, template, maxFieldLength, limits, CountryRule.ALL);
    }

    RowValidator(String region, MessageTemplate template, int maxFieldLength, MessageLimits limits, CountryRule countries) {
        this.countries = countries;
        this.region = region;
        this.template = template;
        this.variables = template.variables();
        this.maxFieldLength = maxFieldLength;
        this.limits = limits;
    }

    /** Never throws: a row whose checking fails unexpectedly is rejected as malformed, with the failure noted. */
    ValidatedRow validate(SourceRecord row) {
        try {
            return check(row);
        } catch (RuntimeException e) {
            return new ValidatedRow.Rejected(row, RejectReason.MALFORMED_ROW, e.toString());
        }
    }

    private ValidatedRow check(SourceRecord row) {
        if (row.problem() != null || !fieldsAreSane(row)) {
            return new ValidatedRow.Rejected(row, RejectReason.MALFORMED_ROW);
        }
        PhoneCheck phone = PhoneNumbers.check(row.phone(), region);
        if (phone instanceof PhoneCheck.Missing) {
            return new ValidatedRow.Rejected(row, RejectReason.MISSING_PHONE);
        }
        if (phone instanceof PhoneCheck.Invalid) {
            return new ValidatedRow.Rejected(row, RejectReason.INVALID_NUMBER);
        }
        PhoneCheck.Valid number = (PhoneCheck.Valid) phone;
        if (!countries.isOpen() && !countries.allows(number.region())) {
            return new ValidatedRow.Rejected(row, RejectReason.COUNTRY_BLOCKED);
        }
        for (String value : row.values()) {
            if (value == null) {
                return new ValidatedRow.Rejected(row, RejectReason.MISSING_VARIABLE);
            }
        }
        if (!limits.fits(SegmentCounter.encode(template.render(row.values())))) {
            return new ValidatedRow.Rejected(row, RejectReason.MESSAGE_TOO_LONG);
        }
        return new ValidatedRow.Accepted(row, number.e164(), number.region(), varsJson(row.values()));
    }

    private boolean fieldsAreSane(SourceRecord row) {
        for (String field : row.fields()) {
            if (field != null && (field.length() > maxFieldLength || field.indexOf('\0') >= 0)) {
                return false;
            }
        }
        if (UserText.problem(row.phone(), Kind.LINE).isPresent()) {
            return false;
        }
        for (String value : row.values()) {
            if (UserText.problem(value, Kind.MULTILINE).isPresent()) {
                return false;
            }
        }
        return true;
    }

    private String varsJson(String[] values) {
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        StringBuilder json = new StringBuilder(16 + values.length * 24).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"');
            encoder.quoteAsString(variables.get(i), json);
            json.append("\":\"");
            encoder.quoteAsString(values[i], json);
            json.append('"');
        }
        return json.append('}').toString();
    }
}
