package org.elicence.photoaudit.card;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.ObjectName;

import org.jboss.logging.Logger;

/**
 * Gives the C heap's free memory back to the operating system once a card check is over. OpenCV allocates
 * its images with {@code malloc}; glibc keeps what they free in its arenas for reuse instead of returning it, and
 * with images of several MB between smaller long-lived allocations an arena only ever grows: measured after the
 * warm-up load of deploy/measure-memory.sh, 84 MB of idcard-service's resident memory was such free memory
 * (docs/deploy.md, "Resources and memory"). The JVM's {@code System.trim_native_heap} command (glibc's
 * {@code malloc_trim}, OpenJDK 17.0.9 and later) returns it; a trim takes a few milliseconds against the few
 * hundred of a check. Where the command is missing (an older JDK) trimming is switched off with one log line;
 * where the C library is not glibc the JVM answers that it cannot trim, and nothing happens.
 */
public final class NativeHeap {

    private static final Logger LOG = Logger.getLogger(NativeHeap.class);
    private static final String OPERATION = "systemTrimNativeHeap";

    private static volatile boolean available = true;

    private NativeHeap() {
    }

    public static void trim() {
        if (!available) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), OPERATION,
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException | RuntimeException e) {
            available = false;
            LOG.infof("the JVM cannot trim the native heap (%s): memory that OpenCV frees stays with the C library",
                    e.toString());
        }
    }
}
