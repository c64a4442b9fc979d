package io.redstream.spring.internal;

import io.redstream.core.ProcessInstance;
import io.redstream.spring.RedStreamConfigurationException;
import java.util.regex.Pattern;

/**
 * The default consumer name of listeners: {@code <identity>-<instance id>}, where the instance id is
 * {@code redstream.listener.instance-id} or, unless set, the host name and the process id — unique per running
 * instance, so two instances of one application never share a consumer name.
 */
public final class ConsumerNames {
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final int MAX_NAME = 128;

    private ConsumerNames() {
    }

    /**
     * The default consumer name {@code <identity>-<instance id>}, with characters consumer names may not hold
     * replaced by {@code -}, and cut to its last 128 characters.
     *
     * @param identity             the client identity
     * @param configuredInstanceId {@code redstream.listener.instance-id}, or null for host name and process id
     * @return the consumer name
     * @throws RedStreamConfigurationException when the configured instance id is not 1 to 64 of
     *                                         {@code [A-Za-z0-9_.:-]}
     */
    public static String defaultConsumer(String identity, String configuredInstanceId) {
        String instance;
        if (configuredInstanceId != null) {
            if (!INSTANCE_ID.matcher(configuredInstanceId).matches()) {
                throw new RedStreamConfigurationException("redstream.listener.instance-id",
                        "must be 1 to 64 characters of [A-Za-z0-9_.:-]", configuredInstanceId);
            }
            instance = configuredInstanceId;
        } else {
            instance = ProcessInstance.id();
        }
        // Identities may contain '@', which consumer names may not.
        String name = (identity + "-" + instance).replaceAll("[^A-Za-z0-9_.:-]", "-");
        return name.length() <= MAX_NAME ? name : name.substring(name.length() - MAX_NAME);
    }
}
