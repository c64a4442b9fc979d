package io.redstream.examples;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs one example by its simple name: {@code mvn -pl examples exec:java -Dexample=TaskBoard}. An unknown name
 * lists the examples and exits with status 2.
 */
public final class Examples {
    /** Every runnable example, by the name {@code -Dexample} takes. */
    static final Map<String, Class<?>> ALL = new TreeMap<>(Map.of(
            "QuickStart", QuickStart.class,
            "WorkerWithDeadLetters", WorkerWithDeadLetters.class,
            "AgentState", AgentState.class,
            "SecuredAccess", SecuredAccess.class,
            "TaskBoard", TaskBoard.class,
            "PubSub", PubSub.class,
            "Cluster", Cluster.class));

    private Examples() {
    }

    public static void main(String[] args) throws Throwable {
        String name = args.length == 0 || args[0].isBlank() ? "QuickStart" : args[0].trim();
        if (name.startsWith(Examples.class.getPackageName() + ".")) {
            name = name.substring(Examples.class.getPackageName().length() + 1);
        }
        Class<?> example = ALL.get(name);
        if (example == null) {
            System.err.println("no example named '" + name + "'; run one of: " + String.join(", ", ALL.keySet())
                    + " (mvn -pl examples exec:java -Dexample=<name>)");
            System.exit(2);
            return;
        }
        Method main = example.getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
