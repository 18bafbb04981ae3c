package org.smsengine.pipeline.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.smsengine.recipient.RejectReason;
import org.smsengine.template.MessageLimits;
import org.smsengine.template.MessageTemplate;
import org.smsengine.upload.SourceRecord;

class RowValidatorTest {

    private final RowValidator validator = new RowValidator("US", MessageTemplate.parse("Hi {{name}}"), 1000,
            new MessageLimits(2000, 50, 2));

    @Test
    void aRowWhoseRenderedMessageHasMoreSegmentsThanAllowedIsRejectedAsTooLong() {
        assertThat(validator.validate(row("+12015550123", "x".repeat(153 * 2 - 3)))).isInstanceOf(ValidatedRow.Accepted.class);
        assertThat(validator.validate(row("+12015550123", "x".repeat(153 * 2 - 2))))
                .isInstanceOfSatisfying(ValidatedRow.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(RejectReason.MESSAGE_TOO_LONG));
        assertThat(RejectReason.MESSAGE_TOO_LONG.code()).isEqualTo("message_too_long");
        assertThat(RejectReason.MESSAGE_TOO_LONG.countsAsInvalid()).isTrue();
    }

    @Test
    void controlCharactersInThePhoneOrATemplateValueMakeTheRowMalformed() {
        assertThat(reason(row("+1201555\u00070123", "Ann"))).isEqualTo(RejectReason.MALFORMED_ROW);
        assertThat(reason(row("+12015550123", "A\u0000nn"))).isEqualTo(RejectReason.MALFORMED_ROW);
        assertThat(reason(row("+12015550123", "A\u001Bnn"))).isEqualTo(RejectReason.MALFORMED_ROW);
        assertThat(validator.validate(row("+12015550123", "Ann\r\nSmith\t"))).isInstanceOf(ValidatedRow.Accepted.class);
    }

    @Test
    void aNumberOutsideTheCountryRuleIsBlockedBeforeAnythingElseIsChecked() {
        RowValidator usOnly = new RowValidator("US", MessageTemplate.parse("Hi {{name}}"), 1000,
                new MessageLimits(2000, 50, 2), org.smsengine.recipient.CountryRule.of(java.util.List.of("US"), null));
        assertThat(usOnly.validate(row("+12015550123", "Ann"))).isInstanceOf(ValidatedRow.Accepted.class);
        assertThat(((ValidatedRow.Rejected) usOnly.validate(row("+14165550123", "Ann"))).reason())
                .as("Toronto shares +1").isEqualTo(RejectReason.COUNTRY_BLOCKED);
        assertThat(((ValidatedRow.Rejected) usOnly.validate(row("+8613800138000", "x".repeat(400)))).reason())
                .as("blocked, not too long").isEqualTo(RejectReason.COUNTRY_BLOCKED);
        assertThat(RejectReason.COUNTRY_BLOCKED.code()).isEqualTo("country_blocked");
        assertThat(RejectReason.COUNTRY_BLOCKED.countsAsInvalid()).isTrue();
    }

    private RejectReason reason(SourceRecord row) {
        return ((ValidatedRow.Rejected) validator.validate(row)).reason();
    }

    private static SourceRecord row(String phone, String name) {
        return new SourceRecord(2, phone, new String[] {name}, new String[] {name, phone}, null, null);
    }
}
