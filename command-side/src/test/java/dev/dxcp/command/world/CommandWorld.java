package dev.dxcp.command.world;

import dev.dxcp.command.admission.AdmissionPipeline;
import dev.dxcp.command.admission.IdempotencyStep;
import dev.dxcp.command.admission.MutateRateStep;
import dev.dxcp.command.admission.RememberStep;
import dev.dxcp.command.build.BuildVersion;
import dev.dxcp.command.build.UploadCapability;
import dev.dxcp.command.common.RateGate;
import dev.dxcp.command.deployment.DeliveryLane;
import dev.dxcp.command.deployment.Deployment;
import dev.dxcp.command.idempotency.IdempotencyKey;
import dev.dxcp.command.quota.ActorDailyQuotas;
import dev.dxcp.command.quota.DailyQuota;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The command side without a server, for given-when-then tests of admission: an in-memory event store, the
 * aggregates' event-sourced repositories, the one admission pipeline, and a mutate rate that records what
 * it was asked. Givens are events already in an aggregate's stream, or earlier writes; a write runs in
 * its own unit of work, as the command bus runs it, and its outcome comes with the events it committed.
 */
public class CommandWorld {
    public static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    public final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    public final Repository<IdempotencyKey> keys = repository(IdempotencyKey.class);
    public final Repository<DailyQuota> quotas = repository(DailyQuota.class);
    public final Repository<BuildVersion> buildVersions = repository(BuildVersion.class);
    public final Repository<UploadCapability> capabilities = repository(UploadCapability.class);
    public final Repository<Deployment> deployments = repository(Deployment.class);
    public final Repository<DeliveryLane> lanes = repository(DeliveryLane.class);
    public final MutateRate rate = new MutateRate();
    public final AdmissionPipeline pipeline = new AdmissionPipeline(new IdempotencyStep(keys, Duration.ofHours(24)),
            new MutateRateStep(rate), new RememberStep(keys));
    public final ActorDailyQuotas actorQuotas = new ActorDailyQuotas(quotas);

    private final List<Object> committed = new ArrayList<>();

    public CommandWorld() {
        store.subscribe(events -> events.forEach(event -> committed.add(event.getPayload())));
    }

    private <T> Repository<T> repository(Class<T> type) {
        return EventSourcingRepository.builder(type).eventStore(store).build();
    }

    /** Events an aggregate applied before the test: appended to its stream after what is there. */
    public CommandWorld given(String aggregateId, Object... events) {
        inUnitOfWork(() -> {
            long sequence = nextSequence(aggregateId);
            for (Object event : events) {
                store.publish(new GenericDomainEventMessage<>("Given", aggregateId, sequence++, event));
            }
            return null;
        });
        return this;
    }

    /** A write as the command bus runs it: one unit of work, committed unless it threw. */
    public Result when(Supplier<AdmissionOutcome> write) {
        int from = committed.size();
        rate.asked.clear();
        try {
            AdmissionOutcome outcome = inUnitOfWork(write);
            return new Result(outcome, null, List.copyOf(committed.subList(from, committed.size())),
                    List.copyOf(rate.asked));
        } catch (Rejection thrown) {
            return new Result(null, thrown, List.copyOf(committed.subList(from, committed.size())),
                    List.copyOf(rate.asked));
        }
    }

    /** The events in one aggregate's stream. */
    /** Any other decision as the command bus runs it: what it answered (or threw) and the events it committed. */
    public <T> Decision<T> deciding(Supplier<T> decision) {
        int from = committed.size();
        try {
            T value = inUnitOfWork(decision);
            return new Decision<>(value, null, List.copyOf(committed.subList(from, committed.size())));
        } catch (Rejection thrown) {
            return new Decision<>(null, thrown, List.copyOf(committed.subList(from, committed.size())));
        }
    }

    public record Decision<T>(T value, Rejection thrown, List<Object> events) {
        public <E> List<E> events(Class<E> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    public List<Object> stream(String aggregateId) {
        List<Object> events = new ArrayList<>();
        store.readEvents(aggregateId).asStream().forEach(event -> events.add(event.getPayload()));
        return events;
    }

    private long nextSequence(String aggregateId) {
        DomainEventStream stream = store.readEvents(aggregateId);
        long last = -1;
        while (stream.hasNext()) {
            last = stream.next().getSequenceNumber();
        }
        return last + 1;
    }

    static <R> R inUnitOfWork(Supplier<R> work) {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        var result = unitOfWork.executeWithResult(work::get);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failure);
        }
        return result.getPayload();
    }

    /**
     * What a write answered (or threw), the events its unit of work committed, and the admission ids the
     * mutate rate was charged for.
     */
    public record Result(AdmissionOutcome outcome, Rejection thrown, List<Object> events, List<String> charged) {

        /** The code of the refusal, returned or thrown; null when the write was not refused. */
        public String refusal() {
            if (thrown != null) {
                return thrown.code();
            }
            return outcome.kind() == AdmissionOutcome.Kind.REFUSED ? outcome.refusal().code() : null;
        }

        public AdmissionOutcome.Kind kind() {
            return thrown != null ? AdmissionOutcome.Kind.REFUSED : outcome.kind();
        }

        public <E> List<E> events(Class<E> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** The mutate rate (governance §7): records every admission it was asked to charge; refuses when full. */
    public static final class MutateRate implements RateGate {
        private final List<String> asked = new ArrayList<>();
        private boolean full;

        public MutateRate full() {
            full = true;
            return this;
        }

        public MutateRate open() {
            full = false;
            return this;
        }

        @Override
        public Optional<Rejection> chargeMutation(String actorId, String admissionId) {
            asked.add(admissionId);
            return full ? Optional.of(new Rejection(ErrorCode.RATE_LIMITED, "Too many writes; retry shortly"))
                    : Optional.empty();
        }
    }
}
