package io.meetingbridge.deadletter;

import io.meetingbridge.change.ChangePosition;
import io.meetingbridge.change.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Where a change was first published, carried through the dead-letter topic and back by a replay, so a
 * replayed change keeps its place in its series' history. The headers are sealed with a key derived from
 * the App key: a producer cannot make its record pass for an older one (and have it dead-lettered as
 * superseded), nor for a newer one; a header without a valid seal is data like any other.
 */
public final class ReplayOrigin {

    public static final String ORIGIN = DeadLetterHeaders.ORIGIN;
    public static final String SEAL = DeadLetterHeaders.ORIGIN_SEAL;
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] PURPOSE = "meeting-series-bridge replay origin".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;

    private ReplayOrigin(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * The seal key of every instance that shares this App key. Without an App key (a replay command, which
     * seals nothing) the key is random: no one else can make a seal it accepts.
     */
    public static ReplayOrigin of(String appKey) {
        if (appKey == null || appKey.isEmpty()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return new ReplayOrigin(random);
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(appKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return new ReplayOrigin(mac.doFinal(PURPOSE));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Where the record's change was first published: a sealed origin it carries, else where it is. */
    public ChangePosition of(SourceRecord record) {
        return sealed(record.headers(), record.value()).orElseGet(() -> new ChangePosition(record.topic(),
                record.partition(), record.offset(), record.timestamp()));
    }

    /** Adds the origin and its seal, bound to the value, to a dead letter. */
    void stamp(Headers headers, ChangePosition origin, byte[] value) {
        headers.add(ORIGIN, origin.text().getBytes(StandardCharsets.UTF_8));
        headers.add(SEAL, seal(origin.text(), value).getBytes(StandardCharsets.UTF_8));
    }

    private Optional<ChangePosition> sealed(List<Header> headers, byte[] value) {
        String origin = last(headers, ORIGIN);
        String seal = last(headers, SEAL);
        if (origin == null || seal == null) {
            return Optional.empty();
        }
        byte[] expected = seal(origin, value).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, seal.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return ChangePosition.parse(origin);
    }

    private String seal(String origin, byte[] value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(origin.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            if (value != null) {
                mac.update(value);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The last header of exactly this name: the bridge writes these names in lower case only. */
    private static String last(List<Header> headers, String name) {
        String found = null;
        for (Header header : headers) {
            if (header.key().equals(name) && header.value() != null) {
                found = new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return found;
    }
}
