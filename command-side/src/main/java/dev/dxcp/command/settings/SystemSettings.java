package dev.dxcp.command.settings;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.dxcp.events.settings.EffectiveSettings;
import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.SettingsMessages;
import dev.dxcp.events.settings.SettingsMessages.ChangeEngineAdapter;
import dev.dxcp.events.settings.SettingsMessages.ChangeRateLimits;
import dev.dxcp.events.settings.SettingsMessages.ChangeUiExposurePolicy;
import dev.dxcp.events.settings.SettingsMessages.CiPublishersReplaced;
import dev.dxcp.events.settings.SettingsMessages.EngineAdapterChanged;
import dev.dxcp.events.settings.SettingsMessages.MutationsDisabledChanged;
import dev.dxcp.events.settings.SettingsMessages.RateLimitsChanged;
import dev.dxcp.events.settings.SettingsMessages.ReplaceCiPublishers;
import dev.dxcp.events.settings.SettingsMessages.SetMutationsDisabled;
import dev.dxcp.events.settings.SettingsMessages.UiExposurePolicyChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The runtime system settings (api-contract §11). Every write is applied even when the value is
 * unchanged: governance §14 asks for one ADMIN_CONFIG_CHANGE per setting on every write, with the
 * value before (the start-up value when nothing was persisted) and after.
 */
@Aggregate(snapshotTriggerDefinition = "dxcpSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class SystemSettings {
    @AggregateIdentifier
    private String settingsId;
    private SettingsState state = SettingsState.EMPTY;

    public SystemSettings() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ChangeRateLimits command, SettingsDefaults defaults) {
        apply(new RateLimitsChanged(current(defaults).rateLimits().value(), command.limits(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetMutationsDisabled command, SettingsDefaults defaults) {
        apply(new MutationsDisabledChanged(current(defaults).mutationsDisabled().value(), command.disabled(),
                command.reason(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReplaceCiPublishers command, SettingsDefaults defaults) {
        apply(new CiPublishersReplaced(current(defaults).ciPublishers().value(), command.publishers(),
                command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ChangeUiExposurePolicy command, SettingsDefaults defaults) {
        apply(new UiExposurePolicyChanged(current(defaults).uiExposure().value(), command.policy(), command.at()));
    }

    /**
     * Secrets the proposal leaves out are kept, so the decision which secret survives is taken here,
     * on the state the event will follow, and the rules are checked on the result (the edge checked a
     * racing request's earlier view of it).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ChangeEngineAdapter command, SettingsDefaults defaults) {
        EngineAdapterSettings before = current(defaults).engineAdapter().value();
        EngineAdapterSettings after = command.proposal().applyTo(before);
        EngineAdapterRules.refuseIfInvalid(after);
        apply(new EngineAdapterChanged(before, after, command.at()));
    }

    private EffectiveSettings current(SettingsDefaults defaults) {
        return state.effective(defaults);
    }

    /** A singleton: its events need not carry the identifier. */
    private void remember(Object event) {
        settingsId = SettingsMessages.SETTINGS_ID;
        state = state.apply(event);
    }

    @EventSourcingHandler
    void on(RateLimitsChanged event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(MutationsDisabledChanged event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(CiPublishersReplaced event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(UiExposurePolicyChanged event) {
        remember(event);
    }

    @EventSourcingHandler
    void on(EngineAdapterChanged event) {
        remember(event);
    }
}
