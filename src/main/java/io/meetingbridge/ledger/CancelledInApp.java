package io.meetingbridge.ledger;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Meeting API reports happened outside the bridge and matters to its later changes: a series cancelled in
 * the Meeting app is cancelled in the ledger too (its last applied change stays, so a replay is still superseded;
 * a later create of its seriesKey makes a new series, as after the bridge's own cancel).
 */
public final class CancelledInApp {

    private static final Logger LOG = LoggerFactory.getLogger(CancelledInApp.class);

    private final SeriesLedger ledger;

    public CancelledInApp(SeriesLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * The series of this conference was cancelled in the app; nothing to do for a series the bridge never made. An
     * event names no enterprise, so only series of enterprise mode (no corpId) are found.
     */
    public void seriesCancelled(String conferenceID) throws InterruptedException, ExecutionException, TimeoutException {
        SeriesEntry entry = ledger.byConference(null, conferenceID).orElse(null);
        if (entry == null || entry.state() == SeriesState.CANCELLED) {
            return;
        }
        ledger.write(entry.cancelled());
        LOG.info("Series {} (conference {}) was cancelled in the Meeting app: the ledger has it cancelled",
                entry.key(), conferenceID);
    }
}
