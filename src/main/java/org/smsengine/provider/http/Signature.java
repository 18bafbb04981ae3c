package org.smsengine.provider.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.smsengine.provider.ProviderSettings.Http.SignatureEncoding;
import org.smsengine.provider.ProviderSettings.Http.Verification;

/**
 * Whether a request comes from the provider: a header equal to a shared secret, or carrying the
 * HMAC-SHA256 of the raw body under that secret. Compared in constant time (digests of equal length),
 * so the time of a refusal tells nothing about how much of a guess was right.
 */
final class Signature {

    private static final String HMAC = "HmacSHA256";

    private final Verification verification;
    private final byte[] secret;
    private final SignatureEncoding encoding;

    Signature(Verification verification, String secret, SignatureEncoding encoding) {
        this.verification = verification;
        this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        this.encoding = encoding;
    }

    /** @param header the request's value of the configured header, or null when it has none */
    boolean verifies(String header, byte[] body) {
        return switch (verification) {
            case NONE -> true;
            case SHARED_SECRET -> header != null && MessageDigest.isEqual(sha256(header.strip().getBytes(StandardCharsets.UTF_8)),
                    sha256(secret));
            case HMAC_SHA256 -> {
                byte[] given = decode(header);
                yield given != null && MessageDigest.isEqual(given, hmac(secret, body));
            }
        };
    }

    private byte[] decode(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        try {
            return encoding == SignatureEncoding.HEX ? HexFormat.of().parseHex(value) : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, HMAC));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
