package io.meetingbridge.bench;

/**
 * CPU spent during a measured window: by the pipeline's JVM, by this JVM (the broker, the simulator
 * and the harness, which share the machine with the pipeline) and by the whole host.
 */
final class CpuWindow {

    private final PipelineJvm jvm;
    private final ProcessStats pipelineAtStart;
    private final ProcessStats benchmarkAtStart;
    private final HostCpu hostAtStart;

    private CpuWindow(PipelineJvm jvm) {
        this.jvm = jvm;
        this.pipelineAtStart = jvm.stats();
        this.benchmarkAtStart = benchmarkJvm();
        this.hostAtStart = HostCpu.now();
    }

    static CpuWindow start(PipelineJvm jvm) {
        return new CpuWindow(jvm);
    }

    Use end() {
        return new Use(jvm.stats().cpuSeconds() - pipelineAtStart.cpuSeconds(),
                benchmarkJvm().cpuSeconds() - benchmarkAtStart.cpuSeconds(),
                HostCpu.now().busyPercentSince(hostAtStart));
    }

    private static ProcessStats benchmarkJvm() {
        return ProcessStats.of(ProcessHandle.current().pid());
    }

    /** CPU seconds of the pipeline and of this JVM, and the share of all host CPUs busy, in the window. */
    record Use(double pipelineSeconds, double benchmarkSeconds, double hostBusyPercent) {
    }
}
