package dev.dxcp.events.settings;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One thing wrong with a proposed setting, named by its field as the admin API spells it. */
public record SettingProblem(String field, String message) {

    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("field", field);
        map.put("message", message);
        return map;
    }

    /** api-contract §11: 400 INVALID_REQUEST with every problem in details.errors[{field,message}]. */
    public static Rejection invalid(List<SettingProblem> problems) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("errors", problems.stream().map(SettingProblem::toMap).toList());
        String hint = problems.isEmpty() ? null : problems.get(0).field() + ": " + problems.get(0).message();
        return new Rejection(ErrorCode.INVALID_REQUEST, "Invalid request", hint, details);
    }
}
