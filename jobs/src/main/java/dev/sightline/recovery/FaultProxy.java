package dev.sightline.recovery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback TCP proxy in front of an HTTP server (S3Proxy, ElasticMQ) that can break it on
 * demand: answer every request with S3's {@code 503 SlowDown}, reset connections, add latency, or
 * stop listening altogether (connection refused, as from a stopped server) and come back on the
 * same port. Open connections are cut when a fault starts, so pooled clients meet it at once.
 */
public final class FaultProxy implements AutoCloseable {

    /** What the proxy does to requests. */
    public enum Mode {
        /** Forwards every byte. */
        PASS,
        /** Reads the request head and answers {@code 503 SlowDown}, as S3 does when throttling. */
        SLOW_DOWN,
        /** Accepts and resets the connection (TCP RST). */
        RESET,
        /** Forwards, holding each request for {@link #latency()} first. */
        LATENCY,
        /** Listens no more: connection refused until the mode changes. */
        DOWN
    }

    private static final byte[] SLOW_DOWN_BODY = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
            + "<Message>Please reduce your request rate.</Message><RequestId>FAULTPROXY</RequestId></Error>").getBytes(StandardCharsets.UTF_8);

    private final String name;
    private final InetSocketAddress target;
    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.PASS;
    private volatile Duration latency = Duration.ofSeconds(3);
    private volatile ServerSocket listener;
    private volatile boolean closed;

    /** Starts a proxy on a free loopback port that forwards to {@code targetUrl}'s host and port. */
    public FaultProxy(String name, String targetUrl) throws IOException {
        this.name = name;
        java.net.URI uri = java.net.URI.create(targetUrl);
        this.target = new InetSocketAddress(uri.getHost(), uri.getPort());
        ServerSocket first = bind(0);
        this.port = first.getLocalPort();
        listen(first);
    }

    /** The URL that reaches the target through this proxy. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** What it names in messages: {@code s3}, {@code sqs}. */
    public String name() {
        return name;
    }

    /** The current mode. */
    public Mode mode() {
        return mode;
    }

    /** The delay of {@link Mode#LATENCY}. */
    public Duration latency() {
        return latency;
    }

    /** Switches to {@code next}; open connections are cut unless it is {@link Mode#PASS} or latency. */
    public synchronized void set(Mode next, Duration delay) throws IOException {
        if (delay != null) {
            latency = delay;
        }
        Mode previous = mode;
        mode = next;
        if (next != Mode.PASS && next != Mode.LATENCY) {
            cutAll();
        }
        if (next == Mode.DOWN && previous != Mode.DOWN) {
            listener.close();
        } else if (next != Mode.DOWN && previous == Mode.DOWN) {
            listen(bindRetrying());
        }
    }

    /** Switches to {@code next}. */
    public void set(Mode next) throws IOException {
        set(next, null);
    }

    private ServerSocket bind(int on) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 256);
        return socket;
    }

    private ServerSocket bindRetrying() throws IOException {
        IOException last = null;
        for (int i = 0; i < 50; i++) {
            try {
                return bind(port);
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IOException("cannot listen again on port " + port + ": " + last.getMessage(), last);
    }

    private void listen(ServerSocket socket) {
        listener = socket;
        threads.execute(() -> {
            while (!closed && !socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    threads.execute(() -> serve(client));
                } catch (IOException e) {
                    return; // closed: DOWN or shut down
                }
            }
        });
    }

    private void serve(Socket client) {
        open.add(client);
        try {
            Mode now = mode;
            if (now == Mode.RESET || now == Mode.DOWN) {
                reset(client);
            } else if (now == Mode.SLOW_DOWN) {
                slowDown(client);
            } else {
                forward(client);
            }
        } catch (IOException e) {
            // the peer or a fault cut it
        } finally {
            open.remove(client);
            closeQuietly(client);
        }
    }

    private void slowDown(Socket client) throws IOException {
        readHead(client.getInputStream());
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nx-amz-request-id: FAULTPROXY\r\nContent-Length: "
                + SLOW_DOWN_BODY.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(SLOW_DOWN_BODY);
        out.flush();
    }

    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 64 * 1024) {
                return;
            }
        }
    }

    private void forward(Socket client) throws IOException {
        Socket server = new Socket();
        open.add(server);
        try {
            server.connect(target, 5_000);
            server.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            threads.execute(() -> pump(server, client, false));
            pump(client, server, true);
        } finally {
            open.remove(server);
            closeQuietly(server);
        }
    }

    /** Copies {@code from} to {@code to}; requests (client to server) wait out the latency first. */
    private void pump(Socket from, Socket to, boolean requests) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (requests && mode == Mode.LATENCY) {
                    Thread.sleep(latency.toMillis());
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void cutAll() {
        for (Socket socket : open) {
            reset(socket);
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // close sends RST
        } catch (SocketException e) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        cutAll();
        threads.shutdownNow();
    }
}
