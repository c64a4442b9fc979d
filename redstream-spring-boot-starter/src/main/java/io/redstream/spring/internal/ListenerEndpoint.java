package io.redstream.spring.internal;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * One {@code @RedStreamListener} method found on a bean, with its attributes after placeholder resolution (only the
 * non-empty ones).
 *
 * @param description how error messages name the method: {@code com.example.Worker.handle(StreamEntry)}
 */
record ListenerEndpoint(Object bean, Method method, String description, Map<String, String> attributes) {

    String attribute(String name) {
        return attributes.get(name);
    }
}
