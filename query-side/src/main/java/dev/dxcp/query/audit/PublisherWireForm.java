package dev.dxcp.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.settings.CiPublisher;

import java.util.List;

/**
 * The CI allowlist as the admin API shows it (api-contract §11). The audit's old_value/new_value use
 * the same form (governance §14), and the HTTP edge owns that form, so it is handed in.
 */
@FunctionalInterface
public interface PublisherWireForm {
    JsonNode render(List<CiPublisher> publishers);
}
