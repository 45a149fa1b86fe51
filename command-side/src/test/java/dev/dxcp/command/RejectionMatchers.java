package dev.dxcp.command;

import dev.dxcp.events.common.Rejection;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link Rejection} by its contract code and HTTP status. */
public final class RejectionMatchers {
    private RejectionMatchers() {
    }

    public static Matcher<Rejection> rejection(String code, int status) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Rejection item) {
                return item.code().equals(code) && item.error().status() == status;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("rejection " + code + " (" + status + ")");
            }
        };
    }
}
