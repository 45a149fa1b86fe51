package dev.dxcp.gatesim.orca;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The filters of {@code GET /applications/{app}/executions/search}. Null fields do not filter.
 *
 * @param pipelineName  executions of the pipeline with this name
 * @param trigger       decoded JSON subset the trigger must contain
 * @param statuses      allowed execution statuses
 * @param triggerTypes  allowed trigger types
 * @param eventId       trigger.eventId
 * @param buildTimeFrom lower bound on buildTime (inclusive)
 * @param buildTimeTo   upper bound on buildTime (inclusive)
 * @param startIndex    paging offset
 * @param size          page size (Orca's default is 10)
 * @param reverse       oldest first instead of newest first
 * @param expand        include stage contexts, outputs and tasks
 */
public record ExecutionSearch(String pipelineName, JsonNode trigger, Set<String> statuses, Set<String> triggerTypes,
                              String eventId, Long buildTimeFrom, Long buildTimeTo, int startIndex, int size,
                              boolean reverse, boolean expand) {
}
