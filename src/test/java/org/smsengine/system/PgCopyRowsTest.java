package org.smsengine.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgCopyRowsTest {

    @Test
    void aNulIsWrittenAsTheReplacementCharacterBecauseCopyTextCannotHoldIt() {
        String rows = new PgCopy.CopyRows(1).add(7).add("+1201\u0000555").add("a\tb\\c\nd").add((String) null).endRow().toString();
        assertThat(rows).isEqualTo("7\t+1201\uFFFD555\ta\\tb\\\\c\\nd\t\\N\n").doesNotContain("\u0000");
    }
}
