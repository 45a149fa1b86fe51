package dev.dxcp.server.cluster;

import dev.dxcp.testsupport.http.TestHttp.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/** CI clients registering builds of one service round-robin over the instances, except one about to die. */
final class RegistrationLoad {
    private final Cluster cluster;
    private final ClusterFixtures fixtures;
    private final String service;
    private final int spared;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final List<Thread> clients = new ArrayList<>();

    RegistrationLoad(Cluster cluster, ClusterFixtures fixtures, String service, int spared) {
        this.cluster = cluster;
        this.fixtures = fixtures;
        this.service = service;
        this.spared = spared;
    }

    void start(int clientCount) {
        String token = fixtures.ci("load");
        for (int c = 0; c < clientCount; c++) {
            int first = c;
            Thread client = new Thread(() -> {
                int turn = first;
                while (!stop.get()) {
                    int instance = Math.floorMod(turn++, Cluster.SIZE);
                    if (instance == spared) {
                        continue;
                    }
                    String version = ClusterFixtures.uniqueVersion();
                    Response answer = fixtures.register(cluster.instance(instance), token,
                            UUID.randomUUID().toString(), fixtures.buildBody(service, version));
                    if (answer.status() / 100 == 2) {
                        acknowledged.add(version);
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
