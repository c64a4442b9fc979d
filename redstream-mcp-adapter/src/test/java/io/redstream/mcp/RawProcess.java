package io.redstream.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A server process driven line by line, for what an SDK client cannot send (bad input, raw framing). */
final class RawProcess implements AutoCloseable {

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final Path stderrFile;

    RawProcess(List<String> command, Map<String, String> env) throws IOException {
        stderrFile = Files.createTempFile("redstream-mcp-stderr", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderrFile.toFile());
        // The server reads REDIS_URL and REDSTREAM_*: start from a clean slate, then apply env.
        builder.environment().keySet().removeIf(k -> k.equals("REDIS_URL") || k.startsWith("REDSTREAM_"));
        builder.environment().putAll(env);
        process = builder.start();
        stdin = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    stdout.add(line);
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "raw-process-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    void send(String line) throws IOException {
        sendBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void sendBytes(byte[] bytes) throws IOException {
        stdin.write(bytes);
        stdin.flush();
    }

    /** The next stdout line within {@code millis}, or null. */
    String poll(long millis) throws InterruptedException {
        return stdout.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Sends a signal (TERM, INT, KILL) to the process. */
    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    /** The next stdout line, failing after the timeout. */
    String receive() throws InterruptedException {
        String line = stdout.poll(McpProcesses.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("no output within " + McpProcesses.TIMEOUT + "; stderr:\n" + stderr());
        }
        return line;
    }

    /** The process id, e.g. to check that its children are gone after it exits. */
    long pid() {
        return process.pid();
    }

    void closeStdin() throws IOException {
        stdin.close();
    }

    /** Exit code, failing if the process does not end within the timeout. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(McpProcesses.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("process did not exit; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** Stdout lines received and not yet consumed. */
    List<String> remainingStdout() {
        return List.copyOf(stdout);
    }

    String stderr() {
        try {
            return Files.readString(stderrFile);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        Files.deleteIfExists(stderrFile);
    }
}
