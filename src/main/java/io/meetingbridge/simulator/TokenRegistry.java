package io.meetingbridge.simulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access tokens the simulator issued; each is live until it expires or {@link #expireAll()} revokes it. In SP
 * mode a token is one enterprise's (its corpId): a meeting belongs to the enterprise whose token first named it,
 * and another enterprise's token is refused on it.
 */
public final class TokenRegistry {

    /** The tenant of a token issued without corpId (enterprise mode). */
    static final String NO_TENANT = "";

    private final Map<String, IssuedToken> issued = new ConcurrentHashMap<>();
    private final Map<String, String> tenantByConference = new ConcurrentHashMap<>();
    // tokens are credentials even here: unguessable, so a test cannot pass by accident
    private final SecureRandom random = new SecureRandom();
    private final Duration validity;

    TokenRegistry(Duration validity) {
        this.validity = validity;
    }

    /** Revokes every issued token: the next API call with any of them gets 401 USG.000000004. */
    public void expireAll() {
        issued.clear();
    }

    public int liveCount() {
        Instant now = Instant.now();
        return (int) issued.values().stream().filter(token -> token.expiresAt().isAfter(now)).count();
    }

    /** The corpId of a live token, {@value #NO_TENANT} for one issued without corpId, or null for no live token. */
    public String tenantOf(String token) {
        IssuedToken live = token == null ? null : issued.get(token);
        return live != null && live.expiresAt().isAfter(Instant.now()) ? live.tenant() : null;
    }

    /** @param tenant the corpId the token is for, {@value #NO_TENANT} without one */
    IssuedToken issue(String tenant) {
        Instant now = Instant.now();
        issued.values().removeIf(token -> !token.expiresAt().isAfter(now)); // bounds the map over long runs
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        IssuedToken token = new IssuedToken(Base64.getUrlEncoder().encodeToString(bytes), now, now.plus(validity), tenant);
        issued.put(token.value(), token);
        return token;
    }

    boolean isLive(String token) {
        return tenantOf(token) != null;
    }

    /** Whether a live token's enterprise may act on a meeting: the one whose token first named it may. */
    boolean mayActOn(String tenant, String conferenceID) {
        return conferenceID == null || tenantByConference.computeIfAbsent(conferenceID, id -> tenant).equals(tenant);
    }

    /** @param value 40 URL-safe Base64 characters */
    record IssuedToken(String value, Instant createdAt, Instant expiresAt, String tenant) {

        Duration validity() {
            return Duration.between(createdAt, expiresAt);
        }

        @Override
        public String toString() {
            return "IssuedToken[expiresAt=" + expiresAt + "]"; // never the value
        }
    }
}
