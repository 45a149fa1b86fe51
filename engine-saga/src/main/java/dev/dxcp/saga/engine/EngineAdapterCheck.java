package dev.dxcp.saga.engine;

import dev.dxcp.events.engine.EngineMessages.EngineAdapterValidation;
import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.EngineAdapterSettings.Mode;
import dev.dxcp.events.settings.SettingProblem;
import dev.dxcp.saga.spinnaker.HealthStatus;
import dev.dxcp.saga.spinnaker.transport.Redaction;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether engine adapter settings would work (api-contract §11 …/validate). INVALID: a save would be
 * refused (the rules, or what only this server can tell: secrets, files, TLS). WARNING: a save would be
 * accepted but something is off, above all a Gate that does not answer its health check now. VALID:
 * nothing to report. Nothing is saved and the engine in force is not touched.
 */
public class EngineAdapterCheck {
    private final GateClients clients;
    private final GateReadiness readiness;
    private final SettingRules rules;

    public EngineAdapterCheck(GateClients clients, GateReadiness readiness, SettingRules rules) {
        this.clients = clients;
        this.readiness = readiness;
        this.rules = rules;
    }

    /** What keeps the settings from being saved: the rules first, then what only this server can check. */
    public List<SettingProblem> problems(EngineAdapterSettings candidate, SecretValues secrets) {
        return candidate.mode() == Mode.STUB ? rules.check(candidate)
                : clients.build(candidate, secrets).problems();
    }

    /**
     * @param bodyProblems what was wrong with the request body itself (types)
     * @param ignored      names in the body that are no setting: a save would ignore them, so they only warn
     */
    public EngineAdapterValidation validate(EngineAdapterSettings candidate, SecretValues secrets,
            List<SettingProblem> bodyProblems,
                           List<String> ignored) {
        List<SettingProblem> warnings = new ArrayList<>();
        ignored.forEach(name -> warnings.add(new SettingProblem(name, name + " is not a setting and would be ignored")));
        if (!bodyProblems.isEmpty()) {
            return invalid(bodyProblems, warnings);
        }
        if (candidate.mode() == Mode.STUB) {
            List<SettingProblem> errors = rules.check(candidate);
            if (!errors.isEmpty()) {
                return invalid(errors, warnings);
            }
            return outcome("Stub mode: deployments run on the Gate simulator inside this server; no engine is called",
                    warnings);
        }
        GateClients.Build build = clients.build(candidate, secrets);
        if (!build.problems().isEmpty()) {
            return invalid(build.problems(), warnings);
        }
        if (plainHttp(candidate.gateUrl()) && (candidate.headerName() != null || candidate.tokenUrl() != null)) {
            warnings.add(new SettingProblem("gate_url", "credentials would travel to Gate over plain http"));
        }
        HealthStatus health = readiness.probe(build.client());
        String gate = Redaction.reduceUrl(candidate.gateUrl());
        if (!health.up()) {
            warnings.add(new SettingProblem("gate_url", "Gate at " + gate + " did not answer its health check"
                    + (health.failure() == null ? "" : " (" + health.failure().name() + ")")
                    + (health.operatorHint() == null ? "" : ": " + Redaction.redact(health.operatorHint()))));
            return new EngineAdapterValidation("WARNING",
                    "Settings can be saved, but Gate at " + gate + " is not reachable now",
                    List.of(), List.copyOf(warnings));
        }
        return outcome("Gate at " + gate + " answered its health check", warnings);
    }

    private static EngineAdapterValidation outcome(String summary, List<SettingProblem> warnings) {
        if (warnings.isEmpty()) {
            return new EngineAdapterValidation("VALID", summary, List.of(), List.of());
        }
        return new EngineAdapterValidation("WARNING", summary + ", with " + count(warnings.size(), "warning"), List.of(),
                List.copyOf(warnings));
    }

    private static EngineAdapterValidation invalid(List<SettingProblem> errors, List<SettingProblem> warnings) {
        return new EngineAdapterValidation("INVALID", count(errors.size(), "problem") + ": the settings cannot be saved",
                List.copyOf(errors), List.copyOf(warnings));
    }

    private static boolean plainHttp(String url) {
        return "http".equals(URI.create(url).getScheme().toLowerCase(Locale.ROOT));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
