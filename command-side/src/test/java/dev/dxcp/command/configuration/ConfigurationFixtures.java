package dev.dxcp.command.configuration;

import dev.dxcp.command.registry.ServiceRegistry;
import dev.dxcp.events.configuration.DeliveryGroupSpec;
import dev.dxcp.events.configuration.Guardrails;
import dev.dxcp.events.configuration.RecipeSpec;
import dev.dxcp.events.registry.ServiceEntry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Shared givens of the delivery configuration tests: a seeded store, a registry, valid bodies. */
final class ConfigurationFixtures {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final Instant T2 = T0.plusSeconds(120);
    static final String ADMIN = "admin@example.com";
    static final Map<String, Object> BY_ADMIN = Map.of("actor_id", ADMIN);
    /** svc-d is allowlisted but in no group: seeding took only svc-a..c. */
    static final List<String> REGISTRY = List.of("svc-a", "svc-b", "svc-c", "svc-d");

    private ConfigurationFixtures() {
    }

    static ServiceRegistry registry() {
        return () -> REGISTRY.stream().map(name -> new ServiceEntry(name, List.of(), List.of("default"), List.of(),
                null, null, null)).toList();
    }

    static AggregateTestFixture<DeliveryConfiguration> fixture() {
        AggregateTestFixture<DeliveryConfiguration> fixture = new AggregateTestFixture<>(DeliveryConfiguration.class);
        fixture.registerInjectableResource(registry());
        return fixture;
    }

    /** The events of a first start whose registry held svc-a, svc-b and svc-c. */
    static List<Object> seeded() {
        return FirstStartSeed.events(DeliveryConfigurationState.EMPTY, List.of("svc-a", "svc-b", "svc-c"), "system",
                T0);
    }

    static List<Object> seededAnd(Object... more) {
        List<Object> events = new ArrayList<>(seeded());
        events.addAll(List.of(more));
        return events;
    }

    static DeliveryConfigurationState fold(List<?> events) {
        DeliveryConfigurationState state = DeliveryConfigurationState.EMPTY;
        for (Object event : events) {
            state = state.apply(event);
        }
        return state;
    }

    /** Matches the published events when the given events plus these fold into a state passing {@code check}. */
    static Matcher<List<EventMessage<?>>> foldsTo(List<Object> given, Consumer<DeliveryConfigurationState> check) {
        return new TypeSafeMatcher<>() {
            private AssertionError failure;

            @Override
            protected boolean matchesSafely(List<EventMessage<?>> published) {
                List<Object> all = new ArrayList<>(given);
                published.forEach(message -> all.add(message.getPayload()));
                try {
                    check.accept(fold(all));
                    return true;
                } catch (AssertionError e) {
                    failure = e;
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events folding into the expected state"
                        + (failure == null ? "" : ": " + failure.getMessage()));
            }
        };
    }

    /** Matches the published events when the last one carries this payload. */
    static Matcher<List<EventMessage<?>>> lastEventIs(Object payload) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> published) {
                return !published.isEmpty() && payload.equals(published.get(published.size() - 1).getPayload());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events ending with ").appendValue(payload);
            }
        };
    }

    static RecipeSpec recipe(String id) {
        return new RecipeSpec(id, "Recipe " + id, "A test recipe", "dxcp-demo", "deploy-" + id, "rollback-" + id,
                null, "Deploys " + id);
    }

    static GroupBody group(String id) {
        return new GroupBody(id);
    }

    /** A valid delivery group body, changed one field at a time by the tests. */
    static final class GroupBody {
        String id;
        String name;
        String description;
        String owner;
        List<String> services = List.of();
        List<String> environments;
        List<String> recipes = List.of("default");
        Guardrails guardrails;
        Set<String> malformed = Set.of();

        GroupBody(String id) {
            this.id = id;
            this.name = "Team " + id;
        }

        GroupBody id(String value) {
            id = value;
            return this;
        }

        GroupBody name(String value) {
            name = value;
            return this;
        }

        GroupBody owner(String value) {
            owner = value;
            return this;
        }

        GroupBody services(String... values) {
            services = List.of(values);
            return this;
        }

        GroupBody services(List<String> values) {
            services = values;
            return this;
        }

        GroupBody environments(List<String> values) {
            environments = values;
            return this;
        }

        GroupBody recipes(List<String> values) {
            recipes = values;
            return this;
        }

        GroupBody guardrails(Guardrails value) {
            guardrails = value;
            return this;
        }

        GroupBody malformed(String... fields) {
            malformed = Set.of(fields);
            return this;
        }

        DeliveryGroupSpec spec() {
            return new DeliveryGroupSpec(id, name, description, owner, services, environments, recipes, guardrails,
                    malformed);
        }
    }
}
