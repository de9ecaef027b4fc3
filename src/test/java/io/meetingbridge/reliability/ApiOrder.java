package io.meetingbridge.reliability;

import io.meetingbridge.simulator.SeriesWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntBiFunction;

/**
 * The checks on the Meeting API's side of a run, per series: (a) its conference never had two calls open at
 * once; (b) the API's writes to it keep {@link SeriesOrder}'s rules (publication order, a re-run repeats a suffix
 * of what was not acknowledged yet, never goes back past what was); (c) the series the API holds now is the one
 * its last write made, so with (b) the last change to apply. The simulator's history must be whole.
 */
final class ApiOrder {

    private ApiOrder() {
    }

    /** @param stepOf which change of the series a write applied, {@link SeriesOrder#UNKNOWN} for none */
    static List<String> violations(ApiView api, List<SeriesPlan> series, ToIntBiFunction<SeriesPlan, SeriesWrite> stepOf) {
        List<String> violations = new ArrayList<>();
        if (api.writesForgotten() > 0) {
            violations.add("the simulator forgot " + api.writesForgotten() + " writes: the API side cannot be checked");
        }
        for (SeriesPlan plan : series) {
            String name = "API, " + plan.name() + " (conference " + plan.conferenceID() + ")";
            if (api.overlapped().contains(plan.conferenceID())) {
                violations.add(name + ": two calls open at once");
            }
            List<SeriesWrite> writes = api.writesOf(plan.conferenceID());
            List<SeriesOrder.Applied> applied = writes.stream()
                    .map(w -> new SeriesOrder.Applied(stepOf.applyAsInt(plan, w), w.at().toEpochMilli())).toList();
            SeriesOrder.check(name, applied, plan.mustApply(), plan.acknowledged(), violations);
            Long version = api.versions().get(plan.conferenceID());
            if (!writes.isEmpty() && !Long.valueOf(writes.get(writes.size() - 1).version()).equals(version)) {
                violations.add(name + ": the API holds version " + version + ", not that of its last write, "
                        + writes.get(writes.size() - 1));
            }
        }
        return violations;
    }
}
