package org.smsengine.pipeline.validation;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import org.smsengine.recipient.PhoneCheck;
import org.smsengine.recipient.PhoneNumbers;
import org.smsengine.recipient.RejectReason;
import org.smsengine.upload.SourceRecord;

/**
 * The checks a row can be judged by alone, in this order: it has the header's shape, its fields
 * are of sane length and free of NUL, its phone is present and a valid number for the batch's
 * region, and every template variable has a value (an empty cell is a value; only the JSON form
 * can leave one out). Thread-safe: rows are checked in parallel.
 */
class RowValidator {

    private final String region;
    private final List<String> variables;
    private final int maxFieldLength;

    RowValidator(String region, List<String> variables, int maxFieldLength) {
        this.region = region;
        this.variables = variables;
        this.maxFieldLength = maxFieldLength;
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
        for (String value : row.values()) {
            if (value == null) {
                return new ValidatedRow.Rejected(row, RejectReason.MISSING_VARIABLE);
            }
        }
        return new ValidatedRow.Accepted(row, ((PhoneCheck.Valid) phone).e164(), varsJson(row.values()));
    }

    private boolean fieldsAreSane(SourceRecord row) {
        for (String field : row.fields()) {
            if (field != null && (field.length() > maxFieldLength || field.indexOf('\0') >= 0)) {
                return false;
            }
        }
        return row.phone() == null || row.phone().indexOf('\0') < 0;
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
