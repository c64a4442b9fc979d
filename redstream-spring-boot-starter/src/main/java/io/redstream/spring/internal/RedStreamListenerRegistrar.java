package io.redstream.spring.internal;

import io.redstream.core.stream.StreamEntry;
import io.redstream.spring.RedStreamConfigurationException;
import io.redstream.spring.RedStreamListener;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.ReflectionUtils;

/**
 * Finds {@link RedStreamListener} methods on every bean as it is initialized, checks their signature and resolves
 * the placeholders of their attributes. A wrong signature or an unresolvable placeholder fails the start, naming the
 * method. The consumers themselves are started by {@link RedStreamListenerContainer}.
 *
 * <p>Called by the container on the thread that refreshes the context; the endpoint list is read after refresh.
 */
public final class RedStreamListenerRegistrar implements BeanPostProcessor, EnvironmentAware {
    /** Attribute names in declaration order; their values are looked up reflectively so none is forgotten. */
    private static final List<Method> ATTRIBUTES = Arrays.stream(RedStreamListener.class.getDeclaredMethods())
            .sorted(java.util.Comparator.comparing(Method::getName)).toList();

    private final List<ListenerEndpoint> endpoints = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Environment environment;

    /** A registrar that has found nothing yet; created by the auto-configuration. */
    public RedStreamListenerRegistrar() {
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        Class<?> type = AopUtils.getTargetClass(bean);
        if (!org.springframework.core.annotation.AnnotationUtils.isCandidateClass(type, RedStreamListener.class)) {
            return bean;
        }
        Map<Method, RedStreamListener> found = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<RedStreamListener>) m ->
                        AnnotatedElementUtils.findMergedAnnotation(m, RedStreamListener.class));
        for (Map.Entry<Method, RedStreamListener> e : found.entrySet()) {
            endpoints.add(endpoint(bean, e.getKey(), e.getValue()));
        }
        return bean;
    }

    private ListenerEndpoint endpoint(Object bean, Method method, RedStreamListener annotation) {
        String description = describe(method);
        if (method.getParameterCount() != 1 || method.getParameterTypes()[0] != StreamEntry.class) {
            throw new RedStreamConfigurationException("@RedStreamListener method " + description,
                    "must take exactly one parameter of type " + StreamEntry.class.getName(), description);
        }
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        ReflectionUtils.makeAccessible(invocable);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Method attribute : ATTRIBUTES) {
            String raw = (String) ReflectionUtils.invokeMethod(attribute, annotation);
            String value = resolve(description, attribute.getName(), raw);
            if (value != null && !value.isBlank()) {
                attributes.put(attribute.getName(), value.strip());
            }
        }
        return new ListenerEndpoint(bean, invocable, description, Map.copyOf(attributes));
    }

    private String resolve(String description, String attribute, String raw) {
        if (environment == null || raw == null || raw.isEmpty()) {
            return raw;
        }
        try {
            // Strict, as in a Boot application: an unresolvable placeholder is an error, not a literal "${...}".
            return environment.resolveRequiredPlaceholders(raw);
        } catch (IllegalArgumentException e) {
            throw new RedStreamConfigurationException("@RedStreamListener method " + description + " attribute "
                    + attribute, "every ${...} placeholder must resolve: " + e.getMessage(), raw, e);
        }
    }

    static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + Arrays.stream(
                method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }

    /** The methods found so far, in the order their beans were initialized. */
    List<ListenerEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }
}
