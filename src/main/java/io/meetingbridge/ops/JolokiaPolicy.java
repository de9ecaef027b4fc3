package io.meetingbridge.ops;

import java.io.IOException;
import javax.management.ObjectName;
import org.jolokia.server.core.restrictor.RestrictorFactory;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;

/**
 * What Jolokia may do: the policy file's rules, and no operation at all unless remote operations are on
 * ({@code bridge.ops.remote-operations}), whatever the file allows. Refusals are Jolokia's own 403 answers.
 */
public final class JolokiaPolicy implements Restrictor {

    /** The policy shipped in the jar; the name Jolokia itself looks for. */
    public static final String SHIPPED = "classpath:/jolokia-access.xml";

    private final Restrictor rules;
    private final boolean remoteOperations;

    private JolokiaPolicy(Restrictor rules, boolean remoteOperations) {
        this.rules = rules;
        this.remoteOperations = remoteOperations;
    }

    /**
     * @param location the operator's policy (a {@code file:} or {@code http:} URL, or {@code classpath:}),
     *                 blank for the shipped one; a policy that cannot be read stops the start
     */
    public static JolokiaPolicy load(String location, boolean remoteOperations) {
        String from = location == null || location.isBlank() ? SHIPPED : location.trim();
        try {
            Restrictor rules = RestrictorFactory.lookupPolicyRestrictor(from);
            if (rules == null) {
                throw new IllegalStateException("No Jolokia policy at " + from);
            }
            return new JolokiaPolicy(rules, remoteOperations);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the Jolokia policy at " + from, e);
        }
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return rules.isTypeAllowed(type);
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        return remoteOperations && rules.isOperationAllowed(name, operation);
    }

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return rules.isHttpMethodAllowed(method);
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return rules.isAttributeReadAllowed(name, attribute);
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return rules.isAttributeWriteAllowed(name, attribute);
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return rules.isRemoteAccessAllowed(hostOrAddress);
    }

    @Override
    public boolean isOriginAllowed(String origin, boolean onlyWhenStrictCheckingIsEnabled) {
        return rules.isOriginAllowed(origin, onlyWhenStrictCheckingIsEnabled);
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return rules.isObjectNameHidden(name);
    }

    @Override
    public boolean ignoreScheme() {
        return rules.ignoreScheme();
    }
}
