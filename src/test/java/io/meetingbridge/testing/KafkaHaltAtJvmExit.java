package io.meetingbridge.testing;

import org.apache.kafka.common.utils.Exit;

/**
 * Kafka's test kit deletes its brokers' data directories in a JVM shutdown hook of its own, which can run while a
 * broker still open at the JVM's end (the shared one) is stopping in another hook. The broker then halts the JVM with
 * status 1 over its lost log directory, and a test run whose every test passed fails. Once the JVM is shutting down,
 * Kafka's halt and exit are ignored; before that they do what Kafka's own do.
 */
final class KafkaHaltAtJvmExit {

    private KafkaHaltAtJvmExit() {
    }

    static void install() {
        Exit.setHaltProcedure((status, message) -> {
            if (!shuttingDown()) {
                Runtime.getRuntime().halt(status);
            }
        });
        Exit.setExitProcedure((status, message) -> {
            if (!shuttingDown()) {
                System.exit(status);
            }
        });
    }

    /** The JVM refuses new shutdown hooks once its shutdown has begun. */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
    }
}
