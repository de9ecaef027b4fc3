package io.meetingbridge.ops;

import io.meetingbridge.ledger.SeriesLedger;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;

/** JMX view of the series ledger: its size, its restore time, and one series' entry (never a secret). */
@ManagedResource(description = "meeting-series-bridge series ledger")
public final class ManagedSeriesLedger {

    private final SeriesLedger ledger;

    public ManagedSeriesLedger(SeriesLedger ledger) {
        this.ledger = ledger;
    }

    @ManagedAttribute(description = "Series the ledger knows")
    public int getSeriesCount() {
        return ledger.size();
    }

    @ManagedAttribute(description = "Milliseconds the last restore took: from input partitions coming to this instance until their ledger partitions were read (-1 before the first)")
    public long getRestoreMillis() {
        return ledger.restoreMillis();
    }

    @ManagedAttribute(description = "The ledger topic")
    public String getTopic() {
        return ledger.topic();
    }

    @ManagedOperation(description = "One series' ledger entry as JSON, by seriesKey or conferenceID; empty when unknown")
    public String entry(String seriesKeyOrConferenceID) {
        return ledger.entryJson(seriesKeyOrConferenceID == null ? "" : seriesKeyOrConferenceID.trim()).orElse("");
    }
}
