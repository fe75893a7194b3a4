package org.elicence.infra;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** The messages one logger wrote while a piece of a test ran, formatted as the log shows them (in-process). */
public final class LogLines {

    /** What a test does while its logger is listened to. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private LogLines() {
    }

    public static List<String> during(String loggerName, Action action) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        SimpleFormatter formatter = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(formatter.formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(loggerName);
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return List.copyOf(lines);
    }
}
