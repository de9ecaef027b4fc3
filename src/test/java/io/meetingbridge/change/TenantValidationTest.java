package io.meetingbridge.change;

import static io.meetingbridge.change.ChangeSamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** corpId: required and checked in SP mode, refused in enterprise mode, with the same kind of sentence. */
class TenantValidationTest {

    @Test
    void spModeKeepsTheChangesEnterprise() throws Exception {
        assertThat(ChangeSamples.acceptInSpMode(bytes(withCorpId("acme_EMEA-01"))).corpId()).isEqualTo("acme_EMEA-01");
        assertThat(ChangeSamples.acceptInSpMode(bytes(withCorpId("x".repeat(64)))).corpId()).hasSize(64);
    }

    @Test
    void spModeRequiresCorpId() {
        assertThatThrownBy(() -> ChangeSamples.acceptInSpMode(bytes(ChangeSamples.example())))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessage("corpId is required when meeting.auth.mode is sp");
    }

    @Test
    void enterpriseModeRefusesCorpId() {
        ChangeSamples.assertRejected(withCorpId("acme"), "corpId is not allowed when meeting.auth.mode is enterprise");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "acme emea", "acme/emea", "acmé", "acme\n"})
    void spModeRefusesAMalformedCorpId(String corpId) {
        assertThatThrownBy(() -> ChangeSamples.acceptInSpMode(bytes(withCorpId(corpId))))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessage("corpId must be 1..64 ASCII letters, digits, _ or -, got " + Echo.of(ChangeSamples.JSON.valueToTree(corpId)));
    }

    @Test
    void spModeRefusesACorpIdTooLongOrNotAString() {
        assertThatThrownBy(() -> ChangeSamples.acceptInSpMode(bytes(withCorpId("x".repeat(65)))))
                .hasMessageStartingWith("corpId must be 1..64 ASCII letters, digits, _ or -, got ");
        ObjectNode number = ChangeSamples.example().put("corpId", 42);
        assertThatThrownBy(() -> ChangeSamples.acceptInSpMode(bytes(number)))
                .hasMessage("corpId must be 1..64 ASCII letters, digits, _ or -, got 42");
    }

    private static ObjectNode withCorpId(String corpId) {
        return ChangeSamples.example().put("corpId", corpId);
    }
}
