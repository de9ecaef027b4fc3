package io.meetingbridge.security;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Every readable attribute of every MBean of this JVM as text, one {@code name attribute=value} per line. */
final class JmxAttributes {

    private JmxAttributes() {
    }

    static String readAll() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        StringBuilder text = new StringBuilder();
        for (ObjectName name : server.queryNames(null, null)) {
            MBeanInfo info;
            try {
                info = server.getMBeanInfo(name);
            } catch (Exception e) {
                continue; // unregistered since the query
            }
            for (MBeanAttributeInfo attribute : info.getAttributes()) {
                if (attribute.isReadable()) {
                    text.append(name).append(' ').append(attribute.getName()).append('=')
                            .append(valueOf(server, name, attribute.getName())).append('\n');
                }
            }
        }
        return text.toString();
    }

    private static String valueOf(MBeanServer server, ObjectName name, String attribute) {
        try {
            Object value = server.getAttribute(name, attribute);
            // deepToString renders arrays of any kind, nested ones included, by their elements
            return value != null && value.getClass().isArray()
                    ? Arrays.deepToString(new Object[] {value}) : String.valueOf(value);
        } catch (Exception | LinkageError e) {
            return "<unreadable: " + e.getClass().getSimpleName() + ">"; // some attributes refuse by design
        }
    }
}
