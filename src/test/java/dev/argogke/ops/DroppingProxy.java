package dev.argogke.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay between the client and the mock server that can drop a connection in the middle of
 * a request: either before the request reaches the server, or after the server handled it but
 * before its answer reaches the client (the nasty case: the create happened, the client does not
 * know). HTTP/1.1 keep-alive connections carry one request at a time, so a read that starts with a
 * request line starts a new request.
 */
final class DroppingProxy implements AutoCloseable {
    enum When { BEFORE_SERVER, AFTER_SERVER }

    private static final Pattern REQUEST_LINE = Pattern.compile("^([A-Z]+) (\\S+) HTTP/1\\.[01]\r\n");

    private final ServerSocket listener;
    private final int upstreamPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile String method;
    private volatile String pathPrefix;
    private volatile When when;
    private final AtomicInteger budget = new AtomicInteger();
    final AtomicInteger dropped = new AtomicInteger();

    DroppingProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "dropping-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Drops the next {@code times} requests with this method and path prefix. */
    void drop(String method, String pathPrefix, When when, int times) {
        this.method = method;
        this.pathPrefix = pathPrefix;
        this.when = when;
        budget.set(times);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                sockets.add(client);
                sockets.add(server);
                AtomicBoolean swallow = new AtomicBoolean();
                start(() -> clientToServer(client, server, swallow));
                start(() -> serverToClient(server, client, swallow));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void clientToServer(Socket client, Socket server, AtomicBoolean swallow) {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                Matcher m = REQUEST_LINE.matcher(new String(buf, 0, Math.min(n, 512), StandardCharsets.ISO_8859_1));
                if (m.find() && m.group(1).equals(method) && m.group(2).startsWith(pathPrefix)
                        && budget.getAndDecrement() > 0) {
                    dropped.incrementAndGet();
                    if (when == When.BEFORE_SERVER) {
                        closeQuietly(client);
                        closeQuietly(server);
                        return;
                    }
                    swallow.set(true);
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side went away
        } finally {
            closeQuietly(server);
        }
    }

    private void serverToClient(Socket server, Socket client, AtomicBoolean swallow) {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (swallow.get()) {
                    closeQuietly(client);
                    closeQuietly(server);
                    return;
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side went away
        } finally {
            closeQuietly(client);
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "dropping-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }
}
