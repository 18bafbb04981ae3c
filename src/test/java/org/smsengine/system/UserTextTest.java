package org.smsengine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smsengine.system.UserText.Kind;

class UserTextTest {

    @Test
    void aLineRefusesEveryControlCharacterAndNamesItsCodeAndPosition() {
        assertThat(UserText.problem("ab\u0000", Kind.LINE)).hasValueSatisfying(p -> assertThat(p).contains("U+0000", "position 3"));
        for (char c : new char[] {'\n', '\r', '\t', '\f', '\u0007', '\u001B', '\u007F', '\u0085', '\u009F', '\u2028', '\u2029'}) {
            assertThat(UserText.problem("a" + c, Kind.LINE)).as("U+%04X", (int) c).isPresent();
        }
    }

    @Test
    void multilineTextKeepsLineBreaksTabsAndFormFeedsButNothingElse() {
        assertThat(UserText.problem("Hi,\r\n\tsee you\f", Kind.MULTILINE)).isEmpty();
        for (char c : new char[] {'\u0000', '\u0001', '\u000B', '\u001F', '\u007F', '\u0080'}) {
            assertThat(UserText.problem("a" + c, Kind.MULTILINE)).as("U+%04X", (int) c).isPresent();
        }
    }

    @Test
    void unpairedSurrogatesAreRefusedAndPairedOnesKept() {
        assertThat(UserText.problem("smile \uD83D\uDE00", Kind.LINE)).isEmpty();
        assertThat(UserText.problem("half \uD83D", Kind.LINE)).hasValueSatisfying(p -> assertThat(p).contains("surrogate"));
        assertThat(UserText.problem("\uDE00 half", Kind.MULTILINE)).isPresent();
    }

    @Test
    void printableTextOfAnyScriptAndNullPass() {
        assertThat(UserText.problem("Zoë 张伟 Ωμέγα שלום", Kind.LINE)).isEmpty();
        assertThat(UserText.problem(null, Kind.LINE)).isEmpty();
    }

    @Test
    void checkAddsAnErrorNamingTheFieldAndRequireThrowsIt() {
        List<InputError> errors = new ArrayList<>();
        assertThat(UserText.check("name", "a\u0000", Kind.LINE, errors)).isFalse();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("name");
            assertThat(e.message()).startsWith("name has a control character");
        });
        assertThatThrownBy(() -> UserText.require("reason", "x\u0000", Kind.MULTILINE))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("reason"));
    }
}
