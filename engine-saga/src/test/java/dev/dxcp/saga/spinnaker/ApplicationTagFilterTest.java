package dev.dxcp.saga.spinnaker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The documented interpretation of application tags over Gate's flat attribute objects. */
class ApplicationTagFilterTest {

    @Test
    void tagsObjectKeyedByName() {
        var app = Json.of("{'name':'a','tags':{'Team':'Payments','dxcp':true}}");

        assertThat(new ApplicationTagFilter("team", "payments").matches(app)).isTrue();
        assertThat(new ApplicationTagFilter("team", "search").matches(app)).isFalse();
        assertThat(new ApplicationTagFilter("dxcp", "true").matches(app)).isTrue();
    }

    @Test
    void tagsArrayOfStringsOrObjects() {
        var app = Json.of("{'name':'a','tags':['dxcp','env=prod',{'key':'team','value':'payments'},{'name':'tier','value':'1'}]}");

        assertThat(new ApplicationTagFilter("dxcp", null).matches(app)).isTrue();
        assertThat(new ApplicationTagFilter("env", "prod").matches(app)).isTrue();
        assertThat(new ApplicationTagFilter("team", "payments").matches(app)).isTrue();
        assertThat(new ApplicationTagFilter("tier", "2").matches(app)).isFalse();
        assertThat(new ApplicationTagFilter("dxcp", "yes").matches(app)).isFalse();
    }

    @Test
    void topLevelAttributesAndCommaSeparatedValues() {
        var app = Json.of("{'name':'a','accounts':'prod,staging','owner':'','flags':['x','y']}");

        assertThat(new ApplicationTagFilter("accounts", "staging").matches(app)).isTrue();
        assertThat(new ApplicationTagFilter("flags", "y").matches(app)).isTrue();
        assertThat(new ApplicationTagFilter("owner", null).matches(app)).isFalse();
        assertThat(new ApplicationTagFilter("missing", null).matches(app)).isFalse();
        assertThat(new ApplicationTagFilter(" ", "ignored").matches(app)).isTrue();
    }
}
