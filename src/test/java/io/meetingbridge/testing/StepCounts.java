package io.meetingbridge.testing;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What JMX counted of the bridge's routes and processors: per route or per processor id, its
 * {@code ExchangesTotal}, read from the platform MBean server.
 */
public final class StepCounts {

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();
    private static final String CONTEXT = "org.apache.camel:context=meeting-series-bridge";

    private StepCounts() {
    }

    /** Every route's exchanges, by route id. */
    public static Map<String, Long> routes() {
        return exchanges("routes");
    }

    /** Every registered processor's exchanges, by route id and processor id ({@code route/processor}). */
    public static Map<String, Long> processors() {
        return exchanges("processors");
    }

    private static Map<String, Long> exchanges(String type) {
        Map<String, Long> counts = new TreeMap<>();
        try {
            for (ObjectName name : JMX.queryNames(new ObjectName(CONTEXT + ",type=" + type + ",*"), null)) {
                String id = ObjectName.unquote(name.getKeyProperty("name"));
                String key = "processors".equals(type) ? JMX.getAttribute(name, "RouteId") + "/" + id : id;
                counts.put(key, (Long) JMX.getAttribute(name, "ExchangesTotal"));
            }
        } catch (JMException e) {
            throw new IllegalStateException("cannot read the bridge's JMX statistics", e);
        }
        return counts;
    }
}
