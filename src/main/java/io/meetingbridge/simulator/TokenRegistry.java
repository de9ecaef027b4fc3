package io.meetingbridge.simulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The access tokens the simulator issued; each is live until it expires or {@link #expireAll()} revokes it. */
public final class TokenRegistry {

    private final Map<String, Instant> expiryByToken = new ConcurrentHashMap<>();
    // tokens are credentials even here: unguessable, so a test cannot pass by accident
    private final SecureRandom random = new SecureRandom();
    private final Duration validity;

    TokenRegistry(Duration validity) {
        this.validity = validity;
    }

    /** Revokes every issued token: the next API call with any of them gets 401 USG.000000004. */
    public void expireAll() {
        expiryByToken.clear();
    }

    public int liveCount() {
        Instant now = Instant.now();
        return (int) expiryByToken.values().stream().filter(expiry -> expiry.isAfter(now)).count();
    }

    IssuedToken issue() {
        Instant now = Instant.now();
        expiryByToken.values().removeIf(expiry -> !expiry.isAfter(now)); // bounds the map over long runs
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        IssuedToken token = new IssuedToken(Base64.getUrlEncoder().encodeToString(bytes), now, now.plus(validity));
        expiryByToken.put(token.value(), token.expiresAt());
        return token;
    }

    boolean isLive(String token) {
        Instant expiry = token == null ? null : expiryByToken.get(token);
        return expiry != null && expiry.isAfter(Instant.now());
    }

    /** @param value 40 URL-safe Base64 characters */
    record IssuedToken(String value, Instant createdAt, Instant expiresAt) {

        Duration validity() {
            return Duration.between(createdAt, expiresAt);
        }

        @Override
        public String toString() {
            return "IssuedToken[expiresAt=" + expiresAt + "]"; // never the value
        }
    }
}
