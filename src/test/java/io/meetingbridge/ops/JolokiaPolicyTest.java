package io.meetingbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shipped policy and the remote-operations switch, without a running bridge (JolokiaTest has one). */
@Timeout(30)
class JolokiaPolicyTest {

    private static final ObjectName REPLAY = name(BridgeManagement.REPLAY_MBEAN);
    private static final ObjectName TOKEN = name(BridgeManagement.TOKEN_MBEAN);

    @Test
    void theReplayOperationsRunOnlyWithRemoteOperationsOn() {
        JolokiaPolicy off = JolokiaPolicy.load("", false);
        JolokiaPolicy on = JolokiaPolicy.load(" ", true);

        assertThat(off.isOperationAllowed(REPLAY, "dryRun")).isFalse();
        assertThat(off.isOperationAllowed(REPLAY, "replay")).isFalse();
        assertThat(on.isOperationAllowed(REPLAY, "dryRun")).isTrue();
        assertThat(on.isOperationAllowed(REPLAY, "replay")).isTrue();
        assertThat(on.isOperationAllowed(TOKEN, "dropCachedToken")).isFalse();
        assertThat(on.isAttributeWriteAllowed(TOKEN, "ValidUntil")).isFalse();
        assertThat(on.isAttributeReadAllowed(TOKEN, "ValidUntil")).isTrue();
    }

    @Test
    void aPolicyThatCannotBeReadStopsTheStartInsteadOfAllowingEverything() {
        assertThatThrownBy(() -> JolokiaPolicy.load("file:/nonexistent/jolokia-access.xml", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/nonexistent/jolokia-access.xml");
        assertThatThrownBy(() -> JolokiaPolicy.load("classpath:/no-such-policy.xml", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No Jolokia policy");
    }

    private static ObjectName name(String mbean) {
        try {
            return BridgeManagement.objectName("meeting-series-bridge", mbean);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
