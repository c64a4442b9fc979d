package io.redstream.embedded.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough RESP2 to probe a server we started: send a command as an array of bulk strings, read one
 * reply. Replies are {@link String} (simple or bulk string; null for a null bulk), {@link Long},
 * {@link Error} or {@link List}.
 *
 * <p>Hand-written instead of a Redis client library so that the embedded runtime, which the server jar
 * ships, depends on no client (a probe needs AUTH, PING and INFO, a few dozen lines). Replies are
 * bounded ({@link #MAX_BULK_BYTES}, {@link #MAX_ARRAY_LENGTH}): a reply is input from another process.
 * Not thread-safe; one connection per probe.
 */
public final class RespConnection implements Closeable {

    /**
     * An error reply, e.g. {@code -NOAUTH Authentication required.}
     *
     * @param message the reply without the leading {@code -}
     */
    public record Error(String message) {}

    static final int MAX_BULK_BYTES = 1 << 20;
    static final int MAX_ARRAY_LENGTH = 1024;
    private static final int MAX_LINE_BYTES = 8 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RespConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /** Connects with {@code timeoutMillis} for the connect and for every read. */
    public static RespConnection open(String host, int port, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.setTcpNoDelay(true);
            return new RespConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one command and reads its reply. */
    public Object call(String... args) throws IOException {
        out.write(encode(args));
        out.flush();
        return read(in);
    }

    static byte[] encode(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        buffer.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            buffer.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            buffer.writeBytes(bytes);
            buffer.writeBytes(new byte[] {'\r', '\n'});
        }
        return buffer.toByteArray();
    }

    static Object read(InputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("connection closed before a reply");
        }
        String line = readLine(in);
        switch (type) {
            case '+':
                return line;
            case '-':
                return new Error(line);
            case ':':
                return parseLong(line);
            case '$': {
                long length = parseLong(line);
                if (length < 0) {
                    return null;
                }
                if (length > MAX_BULK_BYTES) {
                    throw new IOException("bulk reply of " + length + " bytes is over the " + MAX_BULK_BYTES + " byte bound");
                }
                byte[] bytes = in.readNBytes((int) length);
                if (bytes.length != length || in.read() != '\r' || in.read() != '\n') {
                    throw new EOFException("bulk reply cut short");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
            case '*': {
                long length = parseLong(line);
                if (length < 0) {
                    return null;
                }
                if (length > MAX_ARRAY_LENGTH) {
                    throw new IOException("array reply of " + length + " elements is over the " + MAX_ARRAY_LENGTH + " bound");
                }
                List<Object> items = new ArrayList<>((int) length);
                for (int i = 0; i < length; i++) {
                    items.add(read(in));
                }
                return items;
            }
            default:
                throw new IOException("not a RESP2 reply: starts with byte " + type);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside a reply");
            }
            if (b == '\r') {
                if (in.read() != '\n') {
                    throw new IOException("reply line not terminated by CRLF");
                }
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new IOException("reply line over " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
    }

    private static long parseLong(String line) throws IOException {
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new IOException("not a number in a RESP reply: " + line);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
