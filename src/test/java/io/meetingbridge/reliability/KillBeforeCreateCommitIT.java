package io.meetingbridge.reliability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 of a create after its ledger write, before its input offset is committed ({@link KillBeforeCommit}): the
 * restarted bridge reads the create again. It must neither POST again nor publish the create twice, and must go on
 * with the changes that followed.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KillBeforeCreateCommitIT {

    private static final String KEY = "crm-crash-commit";

    @Test
    void aCreateKilledAfterItsLedgerWriteIsNeitherCreatedNorPublishedTwice() {
        try (BridgeRig rig = BridgeRig.start("kill-before-create-commit", 1)) {
            List<LifeChange> life = LifeChange.createModifyCancelOccurrence(KEY);

            String created = KillBeforeCommit.killAfterLedgerWriteAndRestart(rig, life, 0, Duration.ofSeconds(90));

            CreatedOnce.assertCreatedOnceAndAppliedOnce(rig, life, KEY, created);
            System.out.printf("Killed after the create's ledger write, before the commit, restarted: logs in %s%n",
                    rig.run);
        }
    }
}
