package io.meetingbridge.bench;

/** One pipeline's run of one workload: its figures, or why the run failed. */
record RunResult(Contender contender, Figures figures, String failure) {

    static RunResult measured(Contender contender, Figures figures) {
        return new RunResult(contender, figures, null);
    }

    static RunResult failed(Contender contender, String failure) {
        return new RunResult(contender, null, failure);
    }

    boolean succeeded() {
        return figures != null;
    }
}
