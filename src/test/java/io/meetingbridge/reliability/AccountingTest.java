package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.OutputRecords;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Accounting} fed by hand what a run could leave: each way a change can end, and each it must not. */
class AccountingTest {

    private static final String CONFERENCE = "700000000";
    private static final int EIGHT = Accounting.OCCURRENCES_PER_CHANGE;

    private final OutputRecords outputs = new OutputRecords();

    @Test
    void everyChangeAppliedOnceOrDeadLetteredAsItWasMadeToBeIsAccountedFor() {
        outputs.applied("c-1", CONFERENCE, EIGHT).deadLettered("c-2", "invalid-message").deadLettered("c-3", "rejected");
        Accounting accounting = account(false, valid("c-1", 0), invalid("c-2"), refused("c-3"));

        assertThat(accounting.lost()).isEmpty();
        assertThat(accounting.unexpected()).isEmpty();
        assertThat(accounting.applied()).isEqualTo(1);
        assertThat(accounting.deadLettered("invalid-message")).isEqualTo(1);
        assertThat(accounting.deadLettered("rejected")).isEqualTo(1);
        assertThat(accounting.processedTwice()).isZero();
    }

    @Test
    void aChangeWithNoOutputOrOnlyPartOfItsOccurrencesIsLost() {
        outputs.applied("c-2", CONFERENCE, EIGHT, EIGHT - 1);
        Accounting accounting = account(false, valid("c-1", 0), valid("c-2", 1));

        assertThat(accounting.lost()).hasSize(2).anySatisfy(lost -> assertThat(lost).startsWith("c-1"))
                .anySatisfy(lost -> assertThat(lost).startsWith("c-2").contains("1 incomplete applications"));
    }

    @Test
    void aChangeAppliedTwiceIsCounted() {
        outputs.applied("c-1", CONFERENCE, EIGHT).applied("c-1", CONFERENCE, EIGHT);
        assertThat(account(false, valid("c-1", 0)).processedTwice()).isEqualTo(1);
    }

    @Test
    void aValidChangeDeadLetteredIsUnexpectedUnlessAnInjectedApiFaultDidIt() {
        outputs.deadLettered("c-1", "rejected");

        assertThat(account(false, valid("c-1", 0)).unexpected()).singleElement().asString().startsWith("c-1");
        Accounting soak = account(true, valid("c-1", 0));
        assertThat(soak.unexpected()).isEmpty();
        assertThat(soak.excusedFromApplying()).containsExactly("c-1");
    }

    @Test
    void aValidChangeDeadLetteredForItsInputIsUnexpectedEvenWithInjectedFaults() {
        outputs.deadLettered("c-1", "invalid-message");
        Accounting soak = account(true, valid("c-1", 0));
        assertThat(soak.unexpected()).singleElement().asString().startsWith("c-1");
        assertThat(soak.excusedFromApplying()).isEmpty();
    }

    @Test
    void anInvalidOrRefusedChangeThatWasAppliedIsUnexpected() {
        outputs.applied("c-1", ChangeMix.REFUSED_CONFERENCE, EIGHT).applied("c-2", "800000000", EIGHT);
        assertThat(account(false, refused("c-1"), invalid("c-2")).unexpected()).hasSize(2);
    }

    private Accounting account(boolean apiFaultsInjected, PublishedChange... published) {
        return Accounting.of(List.of(published), Ledger.of(outputs.occurrences(), outputs.deadLetters()),
                apiFaultsInjected);
    }

    static PublishedChange valid(String changeId, int seq) {
        return new PublishedChange(changeId, ChangeKind.VALID, CONFERENCE, seq, 0, seq);
    }

    private static PublishedChange invalid(String changeId) {
        return new PublishedChange(changeId, ChangeKind.INVALID, "800000000", -1, 1, 0);
    }

    private static PublishedChange refused(String changeId) {
        return new PublishedChange(changeId, ChangeKind.REFUSED, ChangeMix.REFUSED_CONFERENCE, -1, 2, 0);
    }
}
