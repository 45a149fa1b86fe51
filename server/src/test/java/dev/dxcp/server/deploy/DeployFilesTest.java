package dev.dxcp.server.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files in deploy/ describe the topology the cluster test runs, with settings DXCP knows: nothing
 * there may set a DXCP_* variable the README's configuration table does not document (a typo would be
 * ignored silently). That the probes answer on a running server is ClusterIT's to show.
 */
class DeployFilesTest {
    @Test
    void everyDxcpSettingTheDeployFilesSetIsDocumentedInTheReadme() {
        assertThat(DeployFiles.settingsSet()).isNotEmpty()
                .allSatisfy(name -> assertThat(DeployFiles.documentedSettings()).as(name).contains(name));
    }

    @Test
    void probesAndTheImageHealthCheckAskTheActuatorsHealthGroups() {
        assertThat(DeployFiles.probePath("readinessProbe")).isEqualTo("/actuator/health/readiness");
        assertThat(DeployFiles.probePath("livenessProbe")).isEqualTo("/actuator/health/liveness");
        assertThat(DeployFiles.probePath("startupProbe")).isEqualTo("/actuator/health/liveness");
        assertThat(DeployFiles.imageHealthCheckPath()).isEqualTo("/actuator/health/readiness");
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesRunsThreeReplicasRollingOneAtATimeWithADisruptionBudget() {
        Map<String, Object> spec = (Map<String, Object>) DeployFiles.kubernetesObject("deployment.yaml", "Deployment")
                .get("spec");
        assertThat(spec.get("replicas")).isEqualTo(3);
        Map<String, Object> rolling = (Map<String, Object>) ((Map<String, Object>) spec.get("strategy"))
                .get("rollingUpdate");
        assertThat(rolling.get("maxUnavailable")).as("no old pod stops before a new one is ready").isEqualTo(0);
        Map<String, Object> budget = (Map<String, Object>) DeployFiles.kubernetesObject("pdb.yaml",
                "PodDisruptionBudget").get("spec");
        assertThat((Integer) budget.get("minAvailable")).isBetween(1, 2);
        Map<String, Object> container = DeployFiles.containers().get(0);
        assertThat((List<Map<String, Object>>) container.get("envFrom")).hasSize(2);
    }

    @Test
    void theImageStartsDxcpAsTheReadmeDoesWithTheJvmFlagsItIsMeasuredWith() {
        String image = DeployFiles.read("Containerfile");
        assertThat(image).contains("COPY bin/dxcp-server /opt/dxcp/bin/dxcp-server",
                "COPY server/jvm.options /opt/dxcp/server/jvm.options",
                "COPY server/target/dxcp-server.jar /opt/dxcp/server/target/dxcp-server.jar",
                "ENTRYPOINT [\"/opt/dxcp/bin/dxcp-server\"]");
        // Flags in the environment would come before server/jvm.options and lose to it, silently.
        assertThat(image).doesNotContain("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
        assertThat(DeployFiles.containers()).allSatisfy(container -> assertThat(container.toString())
                .doesNotContain("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"));
    }

    @Test
    void composeRunsTheClusterTestsTopology() {
        Map<String, Object> services = DeployFiles.composeServices();
        assertThat(services).containsKeys("postgres", "gate", "s3", "load-balancer");
        assertThat(services.keySet().stream().filter(name -> name.startsWith("dxcp-"))).hasSizeGreaterThanOrEqualTo(2);
    }
}
