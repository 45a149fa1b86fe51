package dev.dxcp.command.build;

import dev.dxcp.events.build.UploadCapabilityMessages.CapabilityUse;
import dev.dxcp.events.build.UploadCapabilityMessages.IssueUploadCapability;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityConsumed;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityExpired;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityIssued;
import dev.dxcp.events.build.UploadCapabilityMessages.UseUploadCapability;
import dev.dxcp.events.common.Hashing;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The unused upload capabilities of one announced artifact: service, version, size, sha256 and content
 * type together are the identity, so a build matches only when all five are equal (domain §13). Each
 * capability is used at most once; one that outlived its lifetime is deleted when a build tries it.
 */
@Aggregate
public class UploadCapability {
    @AggregateIdentifier
    private String uploadCapabilityId;
    /** token → expiry, of the capabilities neither consumed nor deleted. */
    private Map<String, Instant> unused = new LinkedHashMap<>();

    public UploadCapability() {
    }

    /** The aggregate of an artifact announcement; hashed so any field length gives a short identifier. */
    public static String idFor(String service, String version, long sizeBytes, String sha256, String contentType) {
        return "upload/" + Hashing.sha256Hex(String.join("\n", service, version, Long.toString(sizeBytes), sha256,
                contentType));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(IssueUploadCapability command) {
        apply(command.issued());
    }

    /** Expired ones are deleted first; then the live capability that expires soonest is consumed. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CapabilityUse handle(UseUploadCapability command) {
        List<String> expired = unused.entrySet().stream().filter(e -> !e.getValue().isAfter(command.at()))
                .map(Map.Entry::getKey).toList();
        expired.forEach(token -> apply(new UploadCapabilityExpired(uploadCapabilityId, token, command.at())));
        Optional<String> live = unused.entrySet().stream().min(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(Map.Entry::getKey);
        if (live.isPresent()) {
            apply(new UploadCapabilityConsumed(uploadCapabilityId, live.get(), command.buildId(), command.at()));
            return CapabilityUse.CONSUMED;
        }
        return expired.isEmpty() ? CapabilityUse.NONE : CapabilityUse.EXPIRED;
    }

    @EventSourcingHandler
    void on(UploadCapabilityIssued event) {
        uploadCapabilityId = event.uploadCapabilityId();
        unused.put(event.uploadToken(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(UploadCapabilityConsumed event) {
        unused.remove(event.uploadToken());
    }

    @EventSourcingHandler
    void on(UploadCapabilityExpired event) {
        unused.remove(event.uploadToken());
    }
}
