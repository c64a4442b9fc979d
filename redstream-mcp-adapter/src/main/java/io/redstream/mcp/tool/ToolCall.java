package io.redstream.mcp.tool;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

import io.redstream.auth.Principal;
import io.redstream.core.RedStream;

/**
 * One call of a tool, as its handler sees it: who calls, the caller's view of Redis, the server settings and
 * whether the call was cancelled. Created per call by the {@link ToolInvoker}; not shared between threads.
 */
public final class ToolCall {

    private final String tool;
    private final Principal caller;
    private final Function<Principal, RedStream> views;
    private final ToolSettings settings;
    private final CallControl control;

    public ToolCall(String tool, Principal caller, Function<Principal, RedStream> views, ToolSettings settings,
            CallControl control) {
        this.tool = requireNonNull(tool, "tool");
        this.caller = requireNonNull(caller, "caller");
        this.views = requireNonNull(views, "views");
        this.settings = requireNonNull(settings, "settings");
        this.control = requireNonNull(control, "control");
    }

    public String tool() {
        return tool;
    }

    /** The authenticated caller. */
    public Principal caller() {
        return caller;
    }

    /**
     * The caller's guarded view of Redis: core checks every operation against the caller's roles before it sends
     * a command. Waits for the server's Redis connection if it is still starting.
     */
    public RedStream redis() {
        return views.apply(caller);
    }

    public ToolSettings settings() {
        return settings;
    }

    /** Whether the client cancelled this call; a waiting handler stops early when it was. */
    public boolean cancelled() {
        return control.isCancelled();
    }
}
