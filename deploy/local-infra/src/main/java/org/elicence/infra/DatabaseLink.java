package org.elicence.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network between a service under test and PostgreSQL, which a test can break and restore: {@code cut}, as a
 * database restart would, closes every connection through it and each new one as soon as it is made;
 * {@code blackhole}, as a partition or a failover would, closes every connection and leaves each new one unanswered
 * (a connection attempt that hangs); {@code partition}, as the loss of the database's host would, leaves every
 * connection through it open and silent (what the service sends goes nowhere, no answer and no close ever comes back:
 * the server's side ends) and each new one unanswered; {@code restore} forwards new connections again (and closes
 * what the black hole held), while those a partition silenced stay silent, as connections to a host that is gone do.
 * Forwards bytes as they come, two threads a connection.
 *
 * <p>The link runs beside the Quarkus test resource that starts it, in another class loader than the test, so the
 * test commands it over a port of its own ({@link #command}): one line, {@code cut}, {@code blackhole},
 * {@code partition} or {@code restore}, answered {@code ok} once done.
 */
public final class DatabaseLink implements AutoCloseable {

    private final String host;
    private final int port;
    private final ServerSocket link;
    private final ServerSocket control;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Socket> held = ConcurrentHashMap.newKeySet();
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Set<Socket> silenced = ConcurrentHashMap.newKeySet();
    private Mode mode = Mode.FORWARD;
    private volatile boolean closed;

    private enum Mode { FORWARD, CUT, BLACKHOLE }

    private DatabaseLink(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.link = new ServerSocket(0, 50, loopback);
        this.control = new ServerSocket(0, 5, loopback);
    }

    /** A link to PostgreSQL at {@code host:port}, listening on a free loopback port. */
    public static DatabaseLink start(String host, int port) {
        try {
            DatabaseLink databaseLink = new DatabaseLink(host, port);
            daemon("database-link", databaseLink::acceptConnections);
            daemon("database-link-control", databaseLink::acceptCommands);
            return databaseLink;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return link.getLocalPort();
    }

    public int controlPort() {
        return control.getLocalPort();
    }

    /** Closes every connection through the link; new ones are closed as they come until {@link #restore()}. */
    public synchronized void cut() {
        breakWith(Mode.CUT);
    }

    /** Closes every connection through the link; new ones are left unanswered until {@link #restore()}. */
    public synchronized void blackhole() {
        breakWith(Mode.BLACKHOLE);
    }

    /**
     * Silences every connection through the link: the service's side stays open and never hears again, the server's
     * side is closed; new ones are left unanswered until {@link #restore()}.
     */
    public synchronized void partition() {
        mode = Mode.BLACKHOLE;
        open.stream().filter(clients::contains).forEach(silenced::add);
        open.stream().filter(socket -> !clients.contains(socket)).forEach(DatabaseLink::closeQuietly);
        open.clear();
    }

    public synchronized void restore() {
        mode = Mode.FORWARD;
        held.forEach(DatabaseLink::closeQuietly);
        held.clear();
    }

    private void breakWith(Mode broken) {
        mode = broken;
        open.forEach(DatabaseLink::closeQuietly);
        open.clear();
    }

    /** A new connection, unless the link is broken: then it is closed or held unanswered, and false returned. */
    private synchronized boolean admit(Socket client) {
        if (mode == Mode.CUT) {
            closeQuietly(client);
        } else if (mode == Mode.BLACKHOLE) {
            held.add(client);
        }
        return mode == Mode.FORWARD;
    }

    /** Keeps a forwarded pair, unless the link broke while it was being connected (then both are closed). */
    private synchronized boolean keep(Socket client, Socket server) {
        if (mode != Mode.FORWARD) {
            closeQuietly(server);
            return admit(client);
        }
        open.add(client);
        open.add(server);
        clients.add(client);
        return true;
    }

    /** Sends {@code cut}, {@code blackhole}, {@code partition} or {@code restore} to the link on {@code controlPort}. */
    public static void command(int controlPort, String command) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), controlPort);
                PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8))) {
            out.println(command);
            String answer = in.readLine();
            if (!"ok".equals(answer)) {
                throw new IllegalStateException("database link answered " + answer + " to " + command);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(link);
        closeQuietly(control);
        cut();
        restore();
        silenced.forEach(DatabaseLink::closeQuietly);
        silenced.clear();
    }

    private void acceptConnections() {
        while (!closed) {
            try {
                Socket client = link.accept();
                if (!admit(client)) {
                    continue;
                }
                Socket server;
                try {
                    server = new Socket(host, port);
                } catch (IOException unreachable) {
                    closeQuietly(client); // as PostgreSQL refusing it would
                    continue;
                }
                if (!keep(client, server)) {
                    continue;
                }
                daemon("database-link-up", () -> pump(client, server));
                daemon("database-link-down", () -> pump(server, client));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void acceptCommands() {
        while (!closed) {
            try (Socket socket = control.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
                String command = in.readLine();
                if ("cut".equals(command)) {
                    cut();
                    out.println("ok");
                } else if ("blackhole".equals(command)) {
                    blackhole();
                    out.println("ok");
                } else if ("partition".equals(command)) {
                    partition();
                    out.println("ok");
                } else if ("restore".equals(command)) {
                    restore();
                    out.println("ok");
                } else {
                    out.println("unknown command");
                }
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        // not in try-with-resources: closing a socket's stream closes the socket, and a silenced one must stay open
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read; (read = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // the other side closed, or the link was cut
        } finally {
            for (Socket end : new Socket[] {from, to}) {
                if (!silenced.contains(end)) { // a silenced client's socket is closed only with the link
                    closeQuietly(end);
                    clients.remove(end);
                }
                open.remove(end);
            }
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
