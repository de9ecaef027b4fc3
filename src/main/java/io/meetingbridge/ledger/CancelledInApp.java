package io.meetingbridge.ledger;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * What the Meeting API reports happened outside the bridge and matters to its later changes: a series cancelled in
 * the Meeting app is cancelled in the ledger too (its last applied change stays, so a replay is still superseded;
 * a later create of its seriesKey makes a new series, as after the bridge's own cancel).
 */
public final class CancelledInApp {

    private final SeriesLedger ledger;

    public CancelledInApp(SeriesLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * The series of this conference was cancelled in the app; nothing to do for a series the bridge never made. An
     * event names no enterprise: in SP mode the series is found by its conferenceID among every enterprise's, and
     * left as it is when several have it. The instance that reads the series' ledger partition writes it (this one,
     * or the reader of that partition, asked through the ledger topic).
     */
    public void seriesCancelled(String conferenceID) throws InterruptedException, ExecutionException, TimeoutException {
        ledger.cancelledInApp(conferenceID);
    }
}
