package dev.dxcp.saga.engine;

import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.SettingProblem;

import java.util.List;

/** The engine adapter rules a save applies (the command side's), which the engine checks first too. */
@FunctionalInterface
public interface SettingRules {
    List<SettingProblem> check(EngineAdapterSettings settings);
}
