package io.meetingbridge.change;

import static io.meetingbridge.change.ChangeSamples.bytes;
import static io.meetingbridge.change.ChangeSamples.example;
import static io.meetingbridge.change.ChangeSamples.exampleSeries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetingbridge.flow.FlowProperties;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * The route's validation step while the route applies modify only: a modify by conferenceID goes on as
 * before, every other valid change is dead-lettered instead of reaching the API without a conferenceID.
 */
class ChangeValidationTest {

    private final ChangeValidation validation = new ChangeValidation(new ChangeValidator());
    private final Exchange exchange = new DefaultExchange(new DefaultCamelContext());

    @Test
    void aModifyByConferenceIdNamesTheSeriesAndReturnsItsBody() throws Exception {
        ObjectNode body = validation.validate(received(example()), exchange);

        assertThat(body).isEqualTo(exampleSeries(example()));
        assertThat(exchange.getProperty(FlowProperties.CONFERENCE_ID)).isEqualTo("914087436");
        assertThat(exchange.getProperty(FlowProperties.APPLIED_CHANGE_KEY)).isEqualTo("914087436/crm-7731-v4");
    }

    @Test
    void anotherActionIsNotAppliedYet() {
        assertThatThrownBy(() -> validation.validate(received(ActionValidationTest.cancel()), exchange))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessage("action cancel is not applied by this version of the bridge");
        assertThat(exchange.getProperty(FlowProperties.CONFERENCE_ID)).isNull();
    }

    @Test
    void aModifyBySeriesKeyAloneIsNotAppliedYet() {
        ObjectNode change = example().put("seriesKey", "crm-7731");
        change.remove("conferenceID");

        assertThatThrownBy(() -> validation.validate(received(change), exchange))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessage("a modify without conferenceID is not applied by this version of the bridge");
    }

    private static ReceivedChange received(ObjectNode value) {
        SourceRecord source = new SourceRecord("meeting.changes", 0, 7, 0L, null, bytes(value), List.of());
        return ReceivedChange.parse(source, new ChangeParser());
    }
}
