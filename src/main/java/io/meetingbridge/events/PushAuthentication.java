package io.meetingbridge.events;

import io.meetingbridge.auth.AppAuthSigner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a push comes from Huawei for this subscriber: its signature (HMAC-SHA256 over appID, timestamp, nonce
 * and the eventInfo bytes, keyed with the subscriber key, compared in constant time), its appID, and its
 * timestamp's age and skew. Nothing of a refused push is kept.
 */
final class PushAuthentication {

    private final String subscriberId;
    private final String subscriberKey;
    private final Duration maxAge;
    private final Duration maxSkew;
    private final Clock clock;

    PushAuthentication(String subscriberId, String subscriberKey, Duration maxAge, Duration maxSkew, Clock clock) {
        if (subscriberId.isBlank() || subscriberKey.isBlank()) {
            throw new IllegalArgumentException("the events receiver needs bridge.events.subscriber-id and a subscriber key");
        }
        this.subscriberId = subscriberId;
        this.subscriberKey = subscriberKey;
        this.maxAge = maxAge;
        this.maxSkew = maxSkew;
        this.clock = clock;
    }

    /** Why the push is refused, or empty when it is genuine. */
    Optional<Refusal> refusal(EventPush push) {
        if (push.appId() == null || push.timestamp() == null || push.nonce() == null || push.signature() == null
                || !signatureMatches(push)) {
            return Optional.of(Refusal.SIGNATURE);
        }
        if (!MessageDigest.isEqual(bytes(subscriberId), bytes(push.appId()))) {
            return Optional.of(Refusal.APP_ID);
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(push.timestamp());
        } catch (NumberFormatException e) {
            return Optional.of(Refusal.TOO_OLD);
        }
        long now = clock.millis();
        if (sentAt < now - maxAge.toMillis()) {
            return Optional.of(Refusal.TOO_OLD);
        }
        if (sentAt > now + maxSkew.toMillis()) {
            return Optional.of(Refusal.TOO_NEW);
        }
        return Optional.empty();
    }

    private boolean signatureMatches(EventPush push) {
        String expected = AppAuthSigner.hmacHex(subscriberKey, bytes(push.appId()), bytes(push.timestamp()),
                bytes(push.nonce()), push.eventInfo());
        return MessageDigest.isEqual(bytes(expected), bytes(push.signature().toLowerCase(Locale.ROOT)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
