package dev.dxcp.saga.engine;

import dev.dxcp.events.settings.EffectiveSettings.Sourced;
import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.EngineAdapterSettings.Mode;
import dev.dxcp.events.settings.SettingProblem;
import dev.dxcp.gatesim.GateSimulator;
import dev.dxcp.saga.spinnaker.GateClient;
import dev.dxcp.saga.spinnaker.transport.GateSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Supplier;

/**
 * The execution engine in force: a Gate URL with its credentials, the in-process Gate simulator of stub
 * mode, or none. The engine adapter settings are read from the event store on every use, like every
 * runtime setting, so an admin's change reaches every instance at its next engine call; the client is
 * rebuilt only when they differ from the ones it was built from, and the old one is then closed.
 */
public final class EngineConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EngineConnection.class);

    private final Supplier<Sourced<EngineAdapterSettings>> settings;
    private final GateClients clients;
    private final SecretValues secrets;
    private volatile Active active;

    /** One engine as built from one version of the settings. */
    private record Active(EngineAdapterSettings adapter, GateSettings gate, GateClient client,
                          GateSimulator simulator) {
        void close() {
            if (simulator != null) {
                simulator.stop();
            }
        }
    }

    /**
     * Builds the engine at once, so that unusable start-up configuration stops the server as it always
     * did; unusable saved settings leave it without an engine instead, since an admin can correct them.
     */
    /** @param settings the engine adapter setting in force, read anew on each call (the event store's fold) */
    public EngineConnection(Supplier<Sourced<EngineAdapterSettings>> settings, GateClients clients,
                            SecretValues secrets) {
        this.settings = settings;
        this.clients = clients;
        this.secrets = secrets;
        Sourced<EngineAdapterSettings> initial = settings.get();
        this.active = open(initial, !initial.persisted());
    }

    /** The engine client, or null when no engine is configured or the saved settings are unusable here. */
    public GateClient client() {
        return current().client();
    }

    public GateSettings settings() {
        return current().gate();
    }

    /** The in-process simulator in stub mode, else null. */
    public GateSimulator simulator() {
        return current().simulator();
    }

    public boolean configured() {
        return client() != null;
    }

    @Override
    public synchronized void close() {
        active.close();
    }

    private Active current() {
        Sourced<EngineAdapterSettings> wanted;
        try {
            wanted = settings.get();
        } catch (RuntimeException unreadable) {
            // Engine calls did not need the database before settings could change at runtime; during an
            // outage they go on with the settings last read rather than fail for that reason alone.
            log.debug("event=engine_settings_unreadable error=\"{}\"", unreadable.toString());
            return active;
        }
        Active now = active;
        return now.adapter().equals(wanted.value()) ? now : switchTo(wanted);
    }

    private synchronized Active switchTo(Sourced<EngineAdapterSettings> wanted) {
        Active old = active;
        if (old.adapter().equals(wanted.value())) {
            return old;
        }
        Active next = open(wanted, false);
        active = next;
        // Calls already under way on the old client finish or fail on their own; none starts on it now.
        old.close();
        return next;
    }

    private Active open(Sourced<EngineAdapterSettings> wanted, boolean failFast) {
        EngineAdapterSettings adapter = wanted.value();
        if (adapter.mode() == Mode.STUB) {
            GateSimulator simulator = clients.startSimulator();
            try {
                GateSettings gate = clients.simulatorSettings(simulator);
                log.warn("event=engine_mode mode=stub source={} gate_url={} note=\"simulated Spinnaker Gate in this "
                        + "process; set DXCP_GATE_URL or the engine adapter to drive a real one\"", wanted.source(),
                        simulator.baseUrl());
                return new Active(adapter, gate, clients.client(gate), simulator);
            } catch (RuntimeException e) {
                simulator.stop();
                throw e;
            }
        }
        if (adapter.gateUrl() == null) {
            log.warn("event=engine_mode mode=none source={} note=\"no execution engine: deployments are refused "
                    + "with ENGINE_UNAVAILABLE\"", wanted.source());
            return new Active(adapter, null, null, null);
        }
        GateClients.Build build = clients.build(adapter, secrets);
        if (!build.problems().isEmpty()) {
            if (failFast) {
                throw new UnusableStartupEngine(describe(build.problems()));
            }
            log.error("event=engine_mode mode=unusable source={} problems=\"{}\" note=\"deployments are refused with "
                    + "ENGINE_UNAVAILABLE until the engine adapter settings are corrected\"", wanted.source(),
                    describe(build.problems()));
            return new Active(adapter, null, null, null);
        }
        log.info("event=engine_mode mode={} source={} settings=\"{}\"", adapter.mode().wireName(), wanted.source(),
                build.settings());
        return new Active(adapter, build.settings(), build.client(), null);
    }

    private static String describe(List<SettingProblem> problems) {
        return String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList());
    }
}
