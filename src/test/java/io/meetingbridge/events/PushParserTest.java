package io.meetingbridge.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The signed eventInfo is cut from the body by byte offsets, which Jackson has only for a body it reads as UTF-8:
 * a UTF-16 body is refused as such, not by an index error that the receiver's catch-all happens to answer 400.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PushParserTest {

    private static final String INFO = "{\"event\":\"meeting.started\",\"timestamp\":1}";
    private static final String BODY = "{\"appID\":\"1988692299\",\"timestamp\":1629183619116,\"nonce\":\"85262798\","
            + "\"signature\":\"ab\",\"eventInfo\":" + INFO + "}";

    @Test
    void theEventInfoIsTheBodysOwnBytes() throws Exception {
        EventPush push = new PushParser().parse(BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(push.eventInfo(), StandardCharsets.UTF_8)).isEqualTo(INFO);
    }

    @Test
    void aUtf16BodyIsRefusedAsNotUtf8() {
        assertThatThrownBy(() -> new PushParser().parse(BODY.getBytes(StandardCharsets.UTF_16BE)))
                .isInstanceOf(MalformedPushException.class).hasMessage("the body is not UTF-8");
    }
}
