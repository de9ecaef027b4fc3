package io.meetingbridge.bench;

/**
 * One pipeline's run: its figures ({@link Figures} of a workload, {@link IdleFigures} of an idle run), or why the
 * run failed.
 */
record RunResult<F>(Contender contender, F figures, String failure) {

    static <F> RunResult<F> measured(Contender contender, F figures) {
        return new RunResult<>(contender, figures, null);
    }

    static <F> RunResult<F> failed(Contender contender, String failure) {
        return new RunResult<>(contender, null, failure);
    }

    boolean succeeded() {
        return figures != null;
    }
}
