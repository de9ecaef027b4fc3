package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.simulator.MeetingOperation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 of a patch at the point a modify is tested at ({@link KillBeforeCommit}): its PUT answered, its occurrences
 * published, the ledger holding it as the series' last applied change (with the fields confDetail does not show), the
 * input offset not committed. The restarted bridge reads the patch again: it must not PUT or publish it twice, must
 * keep the attendees only the ledger knows, and must go on with the change after it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KillBeforePatchCommitIT {

    private static final String KEY = "crm-crash-patch";

    @Test
    void aPatchKilledAfterItsLedgerWriteIsNeitherPutNorPublishedTwice() throws Exception {
        try (BridgeRig rig = BridgeRig.start("kill-before-patch-commit", 1)) {
            List<LifeChange> life = LifeChange.createPatchCancelOccurrence(KEY);

            // the create's 6 s calls come before the patch's: a longer wait than for a create
            String created = KillBeforeCommit.killAfterLedgerWriteAndRestart(rig, life, 1, Duration.ofSeconds(120));

            CreatedOnce.assertCreatedOnceAndAppliedOnce(rig, life, KEY, created);
            assertThat(rig.api.traffic().calls(MeetingOperation.UPDATE_SERIES)).as("the patch's PUT").isEqualTo(1);
            assertThat(rig.api.series(created).orElseThrow().body().get("attendees")).isEqualTo(new ObjectMapper()
                    .readTree("[{\"accountId\":\"u1\",\"appId\":\"APPID\",\"name\":\"Alice\",\"role\":1}]"));
            System.out.printf("Killed after the patch's ledger write, before the commit, restarted: logs in %s%n",
                    rig.run);
        }
    }
}
