package io.meetingbridge.bench;

/** One pipeline's idle run: its figures, or why the run failed. */
record IdleRun(Contender contender, IdleFigures figures, String failure) {

    static IdleRun measured(Contender contender, IdleFigures figures) {
        return new IdleRun(contender, figures, null);
    }

    static IdleRun failed(Contender contender, String failure) {
        return new IdleRun(contender, null, failure);
    }

    boolean succeeded() {
        return figures != null;
    }
}
