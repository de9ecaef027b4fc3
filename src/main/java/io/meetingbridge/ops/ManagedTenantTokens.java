package io.meetingbridge.ops;

import io.meetingbridge.auth.TenantTokens;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;

/** JMX view of SP mode's tokens per enterprise; bounded by meeting.auth.max-tenants. It never shows a token. */
@ManagedResource(description = "meeting-series-bridge tokens per enterprise (SP mode)")
public final class ManagedTenantTokens {

    private final TenantTokens tenants;

    public ManagedTenantTokens(TenantTokens tenants) {
        this.tenants = tenants;
    }

    @ManagedAttribute(description = "Enterprises whose token is cached")
    public int getTokensHeld() {
        return tenants.tokensHeld();
    }

    @ManagedAttribute(description = "Enterprises the authentication service refused, remembered now")
    public int getRefusedNow() {
        return tenants.refusedNow();
    }

    @ManagedAttribute(description = "Refusals of an enterprise by the authentication service")
    public long getRefusals() {
        return tenants.refusals();
    }

    @ManagedAttribute(description = "Enterprises dropped because meeting.auth.max-tenants were held")
    public long getEvictions() {
        return tenants.evictions();
    }

    @ManagedAttribute(description = "Per enterprise held: its token's expiry, or its refusal and until when")
    public String[] getTenants() {
        return tenants.describe().toArray(String[]::new);
    }
}
