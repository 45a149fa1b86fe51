package dev.dxcp.command.deployment;

import dev.dxcp.command.build.BuildVersion;
import dev.dxcp.command.world.DeliveryWorld;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A registered build never changes, so it is read from the event store once (decision 152). */
class RegisteredBuildsTest {
    private final DeliveryWorld world = new DeliveryWorld();
    private final CountingRepository repository = new CountingRepository(world.buildVersions);
    private final RegisteredBuilds builds = new RegisteredBuilds(repository);

    @Test
    void aBuildFoundOnceIsAnsweredAgainWithoutLoadingItsAggregate() {
        world.givenRegistered("1.2.3");

        BuildRecord first = inUnitOfWork(() -> builds.registered(DeliveryWorld.SERVICE, "1.2.3"));
        BuildRecord second = inUnitOfWork(() -> builds.registered(DeliveryWorld.SERVICE, "1.2.3"));

        assertThat(second).isEqualTo(first);
        assertThat(repository.loads.get()).isEqualTo(1);
    }

    @Test
    void aVersionNotRegisteredIsAskedAgainAndFoundOnceRegistered() {
        assertThatThrownBy(() -> inUnitOfWork(() -> builds.registered(DeliveryWorld.SERVICE, "2.0.0")))
                .isInstanceOfSatisfying(Rejection.class,
                        r -> assertThat(r.error()).isEqualTo(ErrorCode.VERSION_NOT_FOUND));

        world.givenRegistered("2.0.0");

        assertThat(inUnitOfWork(() -> builds.registered(DeliveryWorld.SERVICE, "2.0.0")).version())
                .isEqualTo("2.0.0");
        assertThat(repository.loads.get()).isEqualTo(2);
    }

    private static <R> R inUnitOfWork(Callable<R> call) {
        var result = DefaultUnitOfWork.startAndGet(null).executeWithResult(call);
        if (result.isExceptional()) {
            Throwable thrown = result.exceptionResult();
            throw thrown instanceof RuntimeException runtime ? runtime : new IllegalStateException(thrown);
        }
        return result.getPayload();
    }

    /** The real repository, counting how often an aggregate is loaded. */
    private static final class CountingRepository implements Repository<BuildVersion> {
        final AtomicInteger loads = new AtomicInteger();
        private final Repository<BuildVersion> real;

        CountingRepository(Repository<BuildVersion> real) {
            this.real = real;
        }

        @Override
        public Aggregate<BuildVersion> load(String id) {
            loads.incrementAndGet();
            return real.load(id);
        }

        @Override
        public Aggregate<BuildVersion> load(String id, Long version) {
            loads.incrementAndGet();
            return real.load(id, version);
        }

        @Override
        public Aggregate<BuildVersion> newInstance(Callable<BuildVersion> factory) throws Exception {
            return real.newInstance(factory);
        }

        @Override
        public Aggregate<BuildVersion> loadOrCreate(String id, Callable<BuildVersion> factory) throws Exception {
            loads.incrementAndGet();
            return real.loadOrCreate(id, factory);
        }

        @Override
        public void send(Message<?> message, ScopeDescriptor scope) throws Exception {
            real.send(message, scope);
        }

        @Override
        public boolean canResolve(ScopeDescriptor scope) {
            return real.canResolve(scope);
        }
    }
}
