package org.smsengine.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonBodyLimitFilterTest {

    @Test
    void everyMediaTypeJacksonWouldReadIsJsonWhateverItsLetterCase() {
        assertThat(JsonBodyLimitFilter.isJson("application/json")).isTrue();
        assertThat(JsonBodyLimitFilter.isJson("Application/JSON")).isTrue();
        assertThat(JsonBodyLimitFilter.isJson("application/x+json")).isTrue();
        assertThat(JsonBodyLimitFilter.isJson("APPLICATION/MERGE-PATCH+JSON; charset=UTF-8")).isTrue();
        assertThat(JsonBodyLimitFilter.isJson("text/json")).isTrue();
    }

    @Test
    void otherMediaTypesAreNotButOneThatDoesNotParseIsLimitedToo() {
        assertThat(JsonBodyLimitFilter.isJson("multipart/form-data; boundary=xyz")).isFalse();
        assertThat(JsonBodyLimitFilter.isJson("application/jsonp")).isFalse();
        assertThat(JsonBodyLimitFilter.isJson("text/plain")).isFalse();
        assertThat(JsonBodyLimitFilter.isJson("json")).isTrue();
    }
}
