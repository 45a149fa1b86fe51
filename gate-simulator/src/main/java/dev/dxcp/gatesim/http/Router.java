package dev.dxcp.gatesim.http;

import dev.dxcp.gatesim.control.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Maps method and path segments to a handler; patterns use {name} for a path variable. */
final class Router {

    record Route(String method, List<String> pattern, Endpoint endpoint, Function<HttpCall, GateResponse> handler) {
    }

    /** A route found for a request, or the reason none fits (404 or 405). */
    record Match(Route route, Map<String, String> variables, boolean pathKnown) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String pattern, Endpoint endpoint, Function<HttpCall, GateResponse> handler) {
        routes.add(new Route(method, HttpCall.segmentsOf(pattern), endpoint, handler));
        return this;
    }

    Match match(String method, List<String> segments) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> variables = bind(route.pattern(), segments);
            if (variables.isEmpty()) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(method)) {
                return new Match(route, variables.get(), true);
            }
        }
        return new Match(null, Map.of(), pathKnown);
    }

    private static Optional<Map<String, String>> bind(List<String> pattern, List<String> segments) {
        if (pattern.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> variables = HttpCall.newVariables();
        for (int i = 0; i < pattern.size(); i++) {
            String expected = pattern.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                variables.put(expected.substring(1, expected.length() - 1), segments.get(i));
            } else if (!expected.equals(segments.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(variables);
    }
}
