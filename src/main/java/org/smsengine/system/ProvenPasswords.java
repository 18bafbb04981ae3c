package org.smsengine.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The password checks that succeeded lately on this node. bcrypt is meant to be slow (~50-100 ms of a
 * core); a program calling with HTTP Basic sends its password with every request, and paid that on
 * every one: 50 clients got 22 answers a second. A check is remembered by an HMAC (a key drawn at
 * start-up, never stored) of the user's stored password hash, name and the password given: no
 * password is kept, a wrong one is never remembered, and a user whose stored password changes
 * (another hash) is checked again whatever was remembered. Entries end after {@code rememberFor}.
 */
final class ProvenPasswords {

    private static final String ALGORITHM = "HmacSHA256";

    private final Clock clock;
    private final long rememberMillis;
    private final int maxEntries;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final Map<String, Long> until = new ConcurrentHashMap<>();

    ProvenPasswords(Clock clock, Duration rememberFor, int maxEntries) {
        this.clock = clock;
        this.rememberMillis = rememberFor.toMillis();
        this.maxEntries = maxEntries;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** Whether this name and password matched this stored hash within the time a check is remembered. */
    boolean proven(String username, String password, String storedHash) {
        if (rememberMillis <= 0 || storedHash == null) {
            return false;
        }
        Long end = until.get(fingerprint(username, password, storedHash));
        return end != null && clock.millis() < end;
    }

    /** The name and password were just checked against this stored hash, and matched. */
    void remember(String username, String password, String storedHash) {
        if (rememberMillis <= 0 || maxEntries == 0 || storedHash == null) {
            return;
        }
        long now = clock.millis();
        if (until.size() >= maxEntries) {
            until.values().removeIf(end -> end <= now);
            if (until.size() >= maxEntries) {
                until.clear();     // a flood of distinct good logins: they are checked again, nothing worse
            }
        }
        until.put(fingerprint(username, password, storedHash), now + rememberMillis);
    }

    private String fingerprint(String username, String password, String storedHash) {
        Mac mac = macs.get();
        for (String part : new String[] {storedHash, username, password}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());   // no two splits alike
            mac.update(bytes);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No " + ALGORITHM + " in this JVM", e);
        }
    }
}
