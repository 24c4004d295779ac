package io.jenkins.plugins.circleci.bench.harness;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The bytes of every live object on the heap, from HotSpot's class histogram ({@code jcmd GC.class_histogram}, here
 * through its MBean): it runs a full collection first and counts only what is reachable, so unlike "used heap" it does
 * not depend on when the collector last ran.
 */
public final class LiveHeap {

    private LiveHeap() {}

    public static long bytes() {
        String histogram = histogram();
        for (String line : histogram.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("Total")) {
                String[] columns = trimmed.split("\\s+");
                return Long.parseLong(columns[columns.length - 1]);
            }
        }
        throw new IllegalStateException("The class histogram has no 'Total' line; this JVM's answer began: "
                + histogram.substring(0, Math.min(200, histogram.length())));
    }

    private static String histogram() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("This JVM offers no class histogram (a HotSpot JVM is needed for the heap "
                    + "figure).", e);
        }
    }
}
