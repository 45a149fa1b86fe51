package dev.dxcp.server.cluster;

import dev.dxcp.server.process.ServerProcess;
import dev.dxcp.testsupport.http.TestHttp.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * CI clients registering builds of one service round-robin over the live instances. A request cut off by
 * an instance's death has no answer and counts as nothing; only registrations answered 2xx are
 * acknowledged.
 */
final class RegistrationLoad {
    private final Cluster cluster;
    private final ClusterFixtures fixtures;
    private final String service;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final List<Thread> clients = new ArrayList<>();

    RegistrationLoad(Cluster cluster, ClusterFixtures fixtures, String service) {
        this.cluster = cluster;
        this.fixtures = fixtures;
        this.service = service;
    }

    void start(int clientCount) {
        String token = fixtures.ci("load");
        for (int c = 0; c < clientCount; c++) {
            int first = c;
            Thread client = new Thread(() -> {
                int turn = first;
                while (!stop.get()) {
                    ServerProcess instance = cluster.instance(turn++);
                    if (!instance.isAlive()) {
                        continue;
                    }
                    String version = ClusterFixtures.uniqueVersion();
                    try {
                        Response answer = fixtures.register(instance, token, UUID.randomUUID().toString(),
                                fixtures.buildBody(service, version));
                        if (answer.status() / 100 == 2) {
                            acknowledged.add(version);
                        }
                    } catch (RuntimeException cutOff) {
                        // the instance died with the request: not acknowledged
                    }
                }
            }, "cluster-load-" + c);
            client.start();
            clients.add(client);
        }
    }

    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread client : clients) {
            client.join();
        }
    }

    List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }
}
