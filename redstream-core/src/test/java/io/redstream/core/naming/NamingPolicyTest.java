package io.redstream.core.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redstream.core.InvalidNameException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamingPolicyTest {
    private final NamingPolicy naming = NamingPolicy.defaults();

    @Test
    void stream_validAdaptName_isAcceptedWithSegments() {
        ResourceName name = naming.stream("nova:task:boomerang:tasks");
        assertThat(name.redisName()).isEqualTo("nova:task:boomerang:tasks");
        assertThat(name.segments()).containsExactly("nova", "task", "boomerang", "tasks");
        assertThat(name.domain()).isEqualTo("task");
    }

    @Test
    void stream_deadLetterSuffix_isAccepted() {
        assertThat(naming.stream("nova:task:boomerang:tasks:dlq").segments()).hasSize(5);
    }

    @Test
    void stream_fiveSegmentsOtherThanDlq_isRejectedWithRule() {
        assertThatThrownBy(() -> naming.stream("nova:task:boomerang:tasks:extra"))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("nova:task:boomerang:tasks:extra")
                .hasMessageContaining("exactly 4 segments");
    }

    @Test
    void stream_wrongNamespace_isRejectedNamingTheNamespace() {
        assertThatThrownBy(() -> naming.stream("other:task:a:b"))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("'other:task:a:b'")
                .hasMessageContaining("must start with the namespace 'nova:'");
    }

    @Test
    void stream_unknownDomain_isRejectedListingDomains() {
        assertThatThrownBy(() -> naming.stream("nova:finance:a:b"))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("domain 'finance' is not one of")
                .hasMessageContaining("agent");
    }

    @Test
    void stream_badSegmentCharacters_isRejected() {
        assertThatThrownBy(() -> naming.stream("nova:task:a b:c"))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("segment 'a b'");
        assertThatThrownBy(() -> naming.stream("nova:task::c"))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("segment ''");
        assertThatThrownBy(() -> naming.stream("nova:task:{tag}:c"))
                .isInstanceOf(InvalidNameException.class);
    }

    @Test
    void stream_tooFewSegments_isRejected() {
        assertThatThrownBy(() -> naming.stream("nova:task:a"))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("at least 4 segments");
    }

    @Test
    void stream_nullOrEmpty_isRejected() {
        assertThatThrownBy(() -> naming.stream(null)).isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> naming.stream("")).isInstanceOf(InvalidNameException.class);
    }

    @Test
    void stream_overlong_isRejectedWithLength() {
        String longName = "nova:task:a:" + "x".repeat(600);
        assertThatThrownBy(() -> naming.stream(longName))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("at most 512 characters");
    }

    @Test
    void key_extraSegments_areAccepted() {
        assertThat(naming.key("nova:agent:alpha:session:42").segments()).hasSize(5);
    }

    @Test
    void legacyName_rejectedByDefault_acceptedWhenEnabled() {
        assertThatThrownBy(() -> naming.stream("task.boomerang.direct")).isInstanceOf(InvalidNameException.class);
        NamingPolicy legacy = NamingPolicy.builder().legacyNames(true).build();
        ResourceName name = legacy.stream("task.boomerang.direct");
        assertThat(name.redisName()).isEqualTo("task.boomerang.direct");
        assertThat(name.canonical()).isEqualTo("nova:task:boomerang:direct");
        assertThatThrownBy(() -> legacy.stream("finance.x.direct"))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("domain 'finance'");
    }

    @Test
    void customNamespaceAndDomains_areEnforced() {
        NamingPolicy custom = NamingPolicy.builder().namespace("acme").domains(List.of("billing")).build();
        assertThat(custom.stream("acme:billing:invoices:created").namespace()).isEqualTo("acme");
        assertThatThrownBy(() -> custom.stream("nova:task:a:b")).isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> custom.stream("acme:task:a:b")).isInstanceOf(InvalidNameException.class);
    }

    @Test
    void builder_invalidNamespace_throwsIllegalArgument() {
        assertThatThrownBy(() -> NamingPolicy.builder().namespace("a:b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("namespace must match");
        assertThatThrownBy(() -> NamingPolicy.builder().domains(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pattern_literalPrefixStopsAtFirstWildcard() {
        NamePattern p = naming.pattern(NameKind.KEY, "nova:agent:al*:session");
        assertThat(p.literalSegments()).containsExactly("nova", "agent");
        assertThat(p.matches("nova:agent:alpha:session")).isTrue();
        assertThat(p.matches("nova:agent:alpha:x:session")).isTrue();
        assertThat(p.matches("nova:task:alpha:session")).isFalse();
    }

    @Test
    void pattern_mustStartWithLiteralNamespace() {
        assertThatThrownBy(() -> naming.pattern(NameKind.KEY, "*"))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("literal namespace");
        assertThatThrownBy(() -> naming.pattern(NameKind.KEY, "no*:agent:*"))
                .isInstanceOf(InvalidNameException.class);
    }

    @Test
    void pattern_otherGlobCharacters_areRejected() {
        assertThatThrownBy(() -> naming.pattern(NameKind.CHANNEL, "nova:agent:a?:b"))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("only * is a wildcard");
        assertThatThrownBy(() -> naming.pattern(NameKind.CHANNEL, "nova:agent:[ab]:b"))
                .isInstanceOf(InvalidNameException.class);
    }

    @Test
    void pattern_unknownLiteralDomain_isRejected() {
        assertThatThrownBy(() -> naming.pattern(NameKind.KEY, "nova:finance:*"))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("domain 'finance'");
    }

    @Test
    void handBuiltResourceName_whoseSegmentsDoNotSpellTheName_isRefused() {
        assertThatThrownBy(() -> new ResourceName(NameKind.KEY, "business:secret",
                List.of("nova", "task", "a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not spell");
    }

    @Test
    void handBuiltPattern_withWrongLiteralPrefix_isRefused() {
        assertThatThrownBy(() -> new NamePattern(NameKind.KEY, "*", List.of("nova", "task")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("literal prefix");
    }
}
