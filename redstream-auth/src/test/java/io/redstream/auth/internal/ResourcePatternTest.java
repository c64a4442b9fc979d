package io.redstream.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.redstream.core.naming.NamingPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourcePatternTest {
    private static ResourcePattern p(String text) {
        return ResourcePattern.parse(text, NamingPolicy.defaults());
    }

    private static List<String> seg(String name) {
        return List.of(name.split(":"));
    }

    @Test
    void matches_starIsExactlyOneSegment() {
        assertThat(p("nova:task:*:*").matches(seg("nova:task:a:b"))).isTrue();
        assertThat(p("nova:task:*:*").matches(seg("nova:task:a"))).isFalse();
        assertThat(p("nova:task:*:*").matches(seg("nova:task:a:b:c"))).isFalse();
    }

    @Test
    void matches_tailIsOneOrMoreSegments() {
        assertThat(p("nova:task:>").matches(seg("nova:task:a"))).isTrue();
        assertThat(p("nova:task:>").matches(seg("nova:task:a:b:c:d"))).isTrue();
        assertThat(p("nova:task:>").matches(seg("nova:task"))).isFalse();
        assertThat(p("nova:task:>").matches(seg("nova:agent:a"))).isFalse();
        assertThat(p("nova:>").matches(seg("other:task:a"))).isFalse();
    }

    @Test
    void coversEveryExtensionOf_onlyTailPatternsWithinThePrefix() {
        assertThat(p("nova:>").coversEveryExtensionOf(seg("nova"))).isTrue();
        assertThat(p("nova:task:>").coversEveryExtensionOf(seg("nova:task"))).isTrue();
        assertThat(p("nova:*:>").coversEveryExtensionOf(seg("nova:task:a"))).isTrue();
        assertThat(p("nova:task:>").coversEveryExtensionOf(seg("nova"))).isFalse();
        assertThat(p("nova:task:*").coversEveryExtensionOf(seg("nova:task"))).isFalse();
        assertThat(p("nova:agent:>").coversEveryExtensionOf(seg("nova:task:a"))).isFalse();
    }

    @Test
    void mayMatchAnExtensionOf_isConservativePastThePrefix() {
        assertThat(p("nova:task:secret:>").mayMatchAnExtensionOf(seg("nova:task"), "")).isTrue();
        assertThat(p("nova:task:secret:>").mayMatchAnExtensionOf(seg("nova:task"), "sec")).isTrue();
        assertThat(p("nova:task:secret:>").mayMatchAnExtensionOf(seg("nova:task"), "pub")).isFalse();
        assertThat(p("nova:task:*").mayMatchAnExtensionOf(seg("nova:task"), "x")).isTrue();
        assertThat(p("nova:agent:>").mayMatchAnExtensionOf(seg("nova:task"), "")).isFalse();
        // A fixed-length pattern cannot match names longer than the prefix if it is not longer itself.
        assertThat(p("nova:task:a:b").mayMatchAnExtensionOf(seg("nova:task:a:b"), "")).isFalse();
        assertThat(p("nova:>").mayMatchAnExtensionOf(seg("nova:task:a:b"), "")).isTrue();
    }
}
