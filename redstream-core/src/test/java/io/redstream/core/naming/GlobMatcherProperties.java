package io.redstream.core.naming;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

class GlobMatcherProperties {

    @Property
    void literalPattern_matchesOnlyItself(@ForAll @AlphaChars @StringLength(max = 12) String a,
            @ForAll @AlphaChars @StringLength(max = 12) String b) {
        assertThat(GlobMatcher.matches(a, b)).isEqualTo(a.equals(b));
    }

    @Property
    void prefixStar_matchesEveryExtension(@ForAll @AlphaChars @StringLength(max = 12) String prefix,
            @ForAll @StringLength(max = 20) String rest) {
        assertThat(GlobMatcher.matches(prefix + "*", prefix + rest)).isTrue();
    }

    @Property
    void starInMiddle_requiresPrefixAndSuffix(@ForAll @AlphaChars @StringLength(min = 1, max = 6) String pre,
            @ForAll @AlphaChars @StringLength(min = 1, max = 6) String suf,
            @ForAll @AlphaChars @StringLength(max = 6) String mid) {
        assertThat(GlobMatcher.matches(pre + "*" + suf, pre + mid + suf)).isTrue();
        assertThat(GlobMatcher.matches(pre + "*" + suf, "#" + pre + mid + suf)).isFalse();
    }
}
