package dev.dxcp.artifact;

/** A real embedded S3 server in memory on a free port, and a store that talks to it over HTTP. */
final class InMemoryS3 implements AutoCloseable {

    final EmbeddedS3Server server;
    final S3ArtifactStore store;

    private InMemoryS3(EmbeddedS3Server server) {
        this.server = server;
        this.store = new S3ArtifactStore(server.storeSettings());
    }

    static InMemoryS3 start() {
        return new InMemoryS3(EmbeddedS3Server.start(null, 0));
    }

    @Override
    public void close() {
        store.close();
        server.stop();
    }
}
