package dev.dxcp.testsupport.postgres;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A {@code postgres:15} Testcontainer, for developers who have Docker. The host port is fixed at
 * creation so that a docker stop/start (outage tests) brings the server back where clients expect it.
 */
final class ContainerServer implements PostgresServer {

    private static final String IMAGE = "postgres:15";
    private static final int CONTAINER_PORT = 5432;

    private final PostgreSQLContainer<?> container;
    private final int hostPort;

    private ContainerServer(PostgreSQLContainer<?> container, int hostPort) {
        this.container = container;
        this.hostPort = hostPort;
    }

    static ContainerServer provision() {
        int hostPort = FreePorts.pick();
        List<String> command = new ArrayList<>(List.of("postgres"));
        TestSettings.SPEED_OVER_DURABILITY.forEach(setting -> command.addAll(List.of("-c", setting)));
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse(IMAGE))
                .withUsername(TestSettings.ROLE)
                .withPassword(TestSettings.ROLE_PASSWORD)
                .withDatabaseName(TestSettings.ADMIN_DATABASE)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(new PortBinding(
                        Ports.Binding.bindIpAndPort("127.0.0.1", hostPort), new ExposedPort(CONTAINER_PORT))));
        container.setCommand(command.toArray(String[]::new));
        container.start();
        return new ContainerServer(container, hostPort);
    }

    @Override
    public String description() {
        return "Testcontainers " + IMAGE + " (" + container.getContainerId() + ")";
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return hostPort;
    }

    @Override
    public String user() {
        return TestSettings.ROLE;
    }

    @Override
    public String password() {
        return TestSettings.ROLE_PASSWORD;
    }

    @Override
    public String adminDatabase() {
        return TestSettings.ADMIN_DATABASE;
    }

    @Override
    public void stop() {
        container.getDockerClient().stopContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void start() {
        container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
        Readiness.awaitConnectable("jdbc:postgresql://127.0.0.1:" + hostPort + "/" + adminDatabase(),
                user(), password(), Duration.ofSeconds(60));
    }

    @Override
    public boolean isRunning() {
        Boolean running = container.getDockerClient().inspectContainerCmd(container.getContainerId())
                .exec().getState().getRunning();
        return Boolean.TRUE.equals(running);
    }

    @Override
    public ProcessResult pgbench(List<String> args) {
        // The image ships pgbench, so this works without local binaries; inside, loopback is trusted.
        List<String> command = new ArrayList<>(List.of("pgbench", "-h", "127.0.0.1", "-p",
                Integer.toString(CONTAINER_PORT), "-U", user()));
        command.addAll(args);
        try {
            Container.ExecResult result = container.execInContainer(command.toArray(String[]::new));
            return new ProcessResult(command, result.getExitCode(), result.getStdout(), result.getStderr());
        } catch (Exception e) {
            throw new IllegalStateException("pgbench in container failed", e);
        }
    }

    @Override
    public void destroy() {
        container.stop();
    }
}
