package org.smsengine.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.smsengine.provider.ProviderSettings.Http.SignatureEncoding;
import org.smsengine.provider.ProviderSettings.Http.Verification;

class SignatureTest {

    private static final byte[] BODY = "{\"messageId\":\"m-1\",\"status\":\"delivered\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theHmacOfTheBodyUnderTheSecretVerifiesInHexOfEitherCase() throws Exception {
        Signature hex = new Signature(Verification.HMAC_SHA256, "s3cret", SignatureEncoding.HEX);
        String signed = HexFormat.of().formatHex(hmac("s3cret", BODY));

        assertThat(hex.verifies(signed, BODY)).isTrue();
        assertThat(hex.verifies(signed.toUpperCase(Locale.ROOT), BODY)).isTrue();
    }

    @Test
    void theHmacInBase64VerifiesWhenThatIsTheEncoding() throws Exception {
        Signature base64 = new Signature(Verification.HMAC_SHA256, "s3cret", SignatureEncoding.BASE64);

        assertThat(base64.verifies(Base64.getEncoder().encodeToString(hmac("s3cret", BODY)), BODY)).isTrue();
        assertThat(base64.verifies(HexFormat.of().formatHex(hmac("s3cret", BODY)), BODY)).isFalse();
    }

    @Test
    void anotherSecretAChangedBodyGarbageOrNoHeaderDoNotVerify() throws Exception {
        Signature hex = new Signature(Verification.HMAC_SHA256, "s3cret", SignatureEncoding.HEX);
        byte[] changed = "{\"messageId\":\"m-1\",\"status\":\"undelivered\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(hex.verifies(HexFormat.of().formatHex(hmac("guess", BODY)), BODY)).isFalse();
        assertThat(hex.verifies(HexFormat.of().formatHex(hmac("s3cret", BODY)), changed)).isFalse();
        assertThat(hex.verifies("not hex", BODY)).isFalse();
        assertThat(hex.verifies("", BODY)).isFalse();
        assertThat(hex.verifies(null, BODY)).isFalse();
    }

    @Test
    void aSharedSecretVerifiesOnlyWhenTheHeaderEqualsIt() {
        Signature shared = new Signature(Verification.SHARED_SECRET, "s3cret", SignatureEncoding.HEX);

        assertThat(shared.verifies("s3cret", BODY)).isTrue();
        assertThat(shared.verifies("s3cre", BODY)).isFalse();
        assertThat(shared.verifies("s3cret2", BODY)).isFalse();
        assertThat(shared.verifies(null, BODY)).isFalse();
    }

    private static byte[] hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(body);
    }
}
