package org.smsengine.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.smsengine.SampleData;

class PhoneNumbersTest {

    @Test
    void writesNumbersInEveryCommonFormatAsE164() {
        assertThat(PhoneNumbers.check("+1 201-550-7799", "CN")).isEqualTo(new PhoneCheck.Valid("+12015507799", "US"));
        assertThat(PhoneNumbers.check("+86-131-2341-5065", "CN")).isEqualTo(new PhoneCheck.Valid("+8613123415065", "CN"));
        assertThat(PhoneNumbers.check("tel:+1-201-555-6070", "CN")).isEqualTo(new PhoneCheck.Valid("+12015556070", "US"));
        assertThat(PhoneNumbers.check(" (201) 555-6070 ", "US")).isEqualTo(new PhoneCheck.Valid("+12015556070", "US"));
    }

    @Test
    void anOptOutKeepsAnyPossibleNumberAndNamesAValidOneAsBatchesDo() {
        for (String[] cell : new String[][] {{"+1 201-550-7799", "CN"}, {"131 2349 6368", "CN"}, {"0044 7400 101682", "CN"},
                {" (201) 555-6070 ", "US"}}) {
            assertThat(((PhoneCheck.Valid) PhoneNumbers.checkPossible(cell[0], cell[1])).e164())
                    .isEqualTo(((PhoneCheck.Valid) PhoneNumbers.check(cell[0], cell[1])).e164());
        }
        // no such area code today: a batch refuses it, an opt-out keeps it for the day it exists
        assertThat(PhoneNumbers.check("+1 999 555 1234", "US")).isInstanceOf(PhoneCheck.Invalid.class);
        assertThat(PhoneNumbers.checkPossible("+1 999 555 1234", "US")).isEqualTo(new PhoneCheck.Valid("+19995551234", null));
        assertThat(PhoneNumbers.checkPossible("12", "US")).isInstanceOf(PhoneCheck.Invalid.class);
        assertThat(PhoneNumbers.checkPossible("not a number", "US")).isInstanceOf(PhoneCheck.Invalid.class);
    }

    @Test
    void numbersWithoutPlusTakeTheBatchRegion() {
        assertThat(PhoneNumbers.check("131 2349 6368", "CN")).isEqualTo(new PhoneCheck.Valid("+8613123496368", "CN"));
        assertThat(PhoneNumbers.check("0044 7400 101682", "CN")).isEqualTo(new PhoneCheck.Valid("+447400101682", "GB"));
    }

    @Test
    void plainNumbersLoseTheirSeparatorsAndAnythingElseIsLeftToLibphonenumber() {
        assertThat(PhoneNumbers.withoutSeparators(" +1 (201) 555-0123 ")).isEqualTo("+12015550123");
        assertThat(PhoneNumbers.withoutSeparators("131.2349.6368")).isEqualTo("13123496368");
        assertThat(PhoneNumbers.withoutSeparators("tel:+1-201-555-6070")).isEqualTo("tel:+1-201-555-6070");
        assertThat(PhoneNumbers.withoutSeparators(" 201 555 0123 ext. 12")).isEqualTo("201 555 0123 ext. 12");
    }

    @Test
    void keepsExtensionsOutOfTheNumber() {
        assertThat(PhoneNumbers.check("+1 201-555-0123 ext. 45", "US")).isEqualTo(new PhoneCheck.Valid("+12015550123", "US"));
        assertThat(PhoneNumbers.check("201 555 0123 #45#", "US")).isEqualTo(new PhoneCheck.Valid("+12015550123", "US"));
    }

    @Test
    void agreesWithIsValidNumberForNumbersOfSharedCallingCodes() throws Exception {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String[] numbers = {"+12015550123", "+14165550123", "+12684601234", "+18765550123", "+15550000000",
                "+19999999999", "+12345678901", "+77011234567", "+73012345678", "+447400123456", "+447797123456",
                "+441534456789", "+390669812345", "+379123456", "+262262123456", "+262692123456", "+590590123456",
                "+61212345678", "+6189164123", "+2125212345"};
        for (String number : numbers) {
            boolean expected;
            try {
                expected = util.isValidNumber(util.parse(number, "ZZ"));
            } catch (NumberParseException e) {
                expected = false;
            }
            assertThat(PhoneNumbers.check(number, "US") instanceof PhoneCheck.Valid).as(number).isEqualTo(expected);
        }
    }

    @Test
    void emptyCellsAreMissingNotInvalid() {
        assertThat(PhoneNumbers.check("", "CN")).isInstanceOf(PhoneCheck.Missing.class);
        assertThat(PhoneNumbers.check("   ", "CN")).isInstanceOf(PhoneCheck.Missing.class);
        assertThat(PhoneNumbers.check(null, "CN")).isInstanceOf(PhoneCheck.Missing.class);
    }

    @Test
    void numbersThatCannotExistAreInvalid() {
        assertThat(PhoneNumbers.check("+999 1234 5678", "CN")).isInstanceOf(PhoneCheck.Invalid.class);
        assertThat(PhoneNumbers.check("abcdefg", "CN")).isInstanceOf(PhoneCheck.Invalid.class);
        assertThat(PhoneNumbers.check("00000000000", "CN")).isInstanceOf(PhoneCheck.Invalid.class);
        assertThat(PhoneNumbers.check("12345", "CN")).isInstanceOf(PhoneCheck.Invalid.class);
    }

    @Test
    void knowsWhichRegionsExist() {
        assertThat(PhoneNumbers.isSupportedRegion("CN")).isTrue();
        assertThat(PhoneNumbers.isSupportedRegion("us")).isTrue();
        assertThat(PhoneNumbers.isSupportedRegion("XX")).isFalse();
        assertThat(PhoneNumbers.isSupportedRegion(null)).isFalse();
    }

    @Test
    void findsTheRegionOfANumberOutsideItsCallingCodesMainRegion() {
        assertThat(PhoneNumbers.check("+1 416 555 0199", "US")).isEqualTo(new PhoneCheck.Valid("+14165550199", "CA"));
        assertThat(PhoneNumbers.check("+44 7797 900123", "GB")).isEqualTo(new PhoneCheck.Valid("+447797900123", "JE"));
        assertThat(PhoneNumbers.check("+7 701 123 4567", "RU")).isEqualTo(new PhoneCheck.Valid("+77011234567", "KZ"));
        assertThat(PhoneNumbers.check("+33 6 12 34 56 78", "US")).isEqualTo(new PhoneCheck.Valid("+33612345678", "FR"));
    }

    @Test
    void agreesWithTheSampleOnEveryRow() throws IOException {
        List<CSVRecord> rows = SampleData.recipientRows();
        List<CSVRecord> expected = SampleData.expectedRows();
        for (int i = 0; i < rows.size(); i++) {
            PhoneCheck check = PhoneNumbers.check(rows.get(i).get("phone"), "CN");
            String e164 = expected.get(i).get("e164");
            String outcome = expected.get(i).get("outcome");
            switch (outcome) {
                case "invalid_number" -> assertThat(check).as("row %d", i + 2).isInstanceOf(PhoneCheck.Invalid.class);
                case "missing_phone" -> assertThat(check).as("row %d", i + 2).isInstanceOf(PhoneCheck.Missing.class);
                default -> assertThat(check).as("row %d", i + 2).isEqualTo(new PhoneCheck.Valid(e164, PhoneNumbers.region(e164)));
            }
        }
    }

    @Test
    void givesTheSameAnswersFromManyThreadsAtOnce() {
        var answers = new ConcurrentHashMap<Integer, PhoneCheck>();
        IntStream.range(0, 4000).parallel().forEach(i ->
                answers.put(i, PhoneNumbers.check("+86 131 2340 " + String.format("%04d", i), "CN")));
        assertThat(answers.values()).allSatisfy(check -> assertThat(check).isInstanceOf(PhoneCheck.Valid.class));
    }
}
