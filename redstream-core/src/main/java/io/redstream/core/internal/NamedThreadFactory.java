package io.redstream.core.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named {@code <prefix>-N}, so thread dumps say whose thread it is. */
public final class NamedThreadFactory implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * A factory of threads named {@code <prefix>-1}, {@code <prefix>-2}, ...
     *
     * @param prefix the start of every thread's name
     */
    public NamedThreadFactory(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + next.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
