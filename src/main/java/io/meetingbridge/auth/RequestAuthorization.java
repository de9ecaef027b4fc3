package io.meetingbridge.auth;

import io.meetingbridge.failure.AuthUnavailableException;
import io.meetingbridge.flow.FlowProperties;
import org.apache.camel.Exchange;

/**
 * Puts the access token of the change's enterprise on a Meeting API request: the App's own token in
 * enterprise mode, the tenant's own ({@link TenantTokens}) in SP mode, so a request never carries another
 * enterprise's token.
 */
public final class RequestAuthorization {

    private final AccessTokenCache enterprise;
    private final TenantTokens tenants;

    /** @param tenants null in enterprise mode */
    public RequestAuthorization(AccessTokenCache enterprise, TenantTokens tenants) {
        this.enterprise = enterprise;
        this.tenants = tenants;
    }

    /** Sets the {@value AccessTokenCache#HEADER} header of a request about to be sent. */
    public void authorize(Exchange exchange) throws AuthUnavailableException {
        String tenant = tenantOf(exchange);
        if (tenant == null) {
            enterprise.authorize(exchange);
        } else {
            exchange.getMessage().setHeader(AccessTokenCache.HEADER, tenants.token(tenant));
        }
    }

    /** The API rejected the request's token (401): the tenant's cache drops it and a fresh one goes on. */
    public void reauthorize(Exchange exchange) throws AuthUnavailableException {
        String tenant = tenantOf(exchange);
        if (tenant == null) {
            enterprise.reauthorize(exchange);
        } else {
            tenants.of(tenant).dropRejected(exchange);
            authorize(exchange);
        }
    }

    /** Why authentication fails for everyone now (no token for the App, or the service down), or null. */
    public String currentFailure() {
        String failure = enterprise.currentFailure();
        return failure != null || tenants == null ? failure : tenants.outage();
    }

    /** SP mode's tokens per enterprise; null in enterprise mode. */
    public TenantTokens tenants() {
        return tenants;
    }

    private String tenantOf(Exchange exchange) {
        return tenants == null ? null : exchange.getProperty(FlowProperties.TENANT, String.class);
    }
}
