package io.meetingbridge.auth;

import io.meetingbridge.failure.AuthUnavailableException;
import io.meetingbridge.failure.TenantRefusedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * SP mode: one {@link AccessTokenCache} per enterprise (corpId), so each tenant has its own token, expiry and
 * single flight, and no token is ever handed to another tenant. At most {@code maxTenants} are held; the least
 * recently used is dropped first (it authenticates again when it comes back). A tenant the authentication service
 * refused is remembered for {@code refusalBackoff}: its changes fail at once instead of authenticating each time.
 * The bound is the JDK's access-ordered map, a strict LRU: Caffeine's size bound (W-TinyLFU) may turn a newcomer
 * away instead, and one map under one short lock is all a few thousand tenants need.
 */
public final class TenantTokens {

    private final Function<String, AccessTokenCache> newCache;
    private final int maxTenants;
    private final Duration refusalBackoff;
    private final Clock clock;
    private final AtomicLong evictions = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    /** Access-ordered, so the eldest entry is the least recently used; guarded by itself. */
    private final Map<String, Tenant> tenants;

    public TenantTokens(Function<String, AccessTokenCache> newCache, int maxTenants, Duration refusalBackoff,
                        Clock clock) {
        if (maxTenants < 1) {
            throw new IllegalArgumentException("meeting.auth.max-tenants must be at least 1, got " + maxTenants);
        }
        this.newCache = newCache;
        this.maxTenants = maxTenants;
        this.refusalBackoff = refusalBackoff;
        this.clock = clock;
        this.tenants = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Tenant> eldest) {
                boolean full = size() > TenantTokens.this.maxTenants;
                if (full) {
                    evictions.incrementAndGet();
                }
                return full;
            }
        };
    }

    /** The token cache of one tenant; throws the tenant's refusal while it is remembered. */
    AccessTokenCache of(String corpId) throws TenantRefusedException {
        Tenant tenant = tenant(corpId);
        if (tenant.refusal != null) {
            throw tenant.refusal;
        }
        return tenant.tokens;
    }

    /** A valid token of one tenant, from its cache or freshly obtained. */
    public String token(String corpId) throws AuthUnavailableException {
        AccessTokenCache tokens = of(corpId);
        try {
            return tokens.token();
        } catch (TenantRefusedException e) {
            refused(corpId, tokens, e);
            throw e;
        }
    }

    /** Remembers a refusal once (the callers that shared it each report it), with a fresh cache for later. */
    void refused(String corpId, AccessTokenCache refusedCache, TenantRefusedException refusal) {
        Tenant refused = new Tenant(newCache.apply(corpId), refusal, clock.instant().plus(refusalBackoff));
        synchronized (tenants) {
            Tenant current = tenants.get(corpId);
            if (current == null || current.tokens == refusedCache) {
                refusals.incrementAndGet();
                tenants.put(corpId, refused);
            }
        }
    }

    private Tenant tenant(String corpId) {
        Instant now = clock.instant();
        synchronized (tenants) {
            Tenant tenant = tenants.get(corpId);
            if (tenant == null || tenant.refusal != null && !now.isBefore(tenant.refusedUntil)) {
                tenant = new Tenant(tenant == null ? newCache.apply(corpId) : tenant.tokens, null, null);
                tenants.put(corpId, tenant);
            }
            return tenant;
        }
    }

    /** Tenants whose token is cached and valid now. */
    public int tokensHeld() {
        return (int) snapshot().stream().filter(e -> e.getValue().tokens.validUntil() != null).count();
    }

    /** Tenants whose refusal is remembered now. */
    public int refusedNow() {
        Instant now = clock.instant();
        return (int) snapshot().stream().filter(e -> e.getValue().isRefusedAt(now)).count();
    }

    /** Tenants dropped because {@code meeting.auth.max-tenants} were held. */
    public long evictions() {
        return evictions.get();
    }

    /** Refusals of the authentication service, counted once per refused attempt. */
    public long refusals() {
        return refusals.get();
    }

    /** Why authentication of some tenant fails for everyone (the service down), or null; refusals are not. */
    public String outage() {
        for (Map.Entry<String, Tenant> tenant : snapshot()) {
            String failure = tenant.getValue().tokens.currentFailure();
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    /** One line per tenant held, for operators: its token's expiry or its refusal; never a token. */
    public List<String> describe() {
        Instant now = clock.instant();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Tenant> entry : snapshot()) {
            Tenant tenant = entry.getValue();
            lines.add(entry.getKey() + ": " + (tenant.isRefusedAt(now)
                    ? "refused until " + tenant.refusedUntil + " (" + tenant.refusal.getMessage() + ")"
                    : tenant.tokens.validUntil() == null ? "no token" : "token valid until " + tenant.tokens.validUntil()));
        }
        return lines;
    }

    private List<Map.Entry<String, Tenant>> snapshot() {
        synchronized (tenants) {
            return tenants.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
        }
    }

    /** @param refusal the remembered refusal, null when the tenant is not refused */
    private record Tenant(AccessTokenCache tokens, TenantRefusedException refusal, Instant refusedUntil) {

        boolean isRefusedAt(Instant now) {
            return refusal != null && now.isBefore(refusedUntil);
        }
    }
}
