package dev.dxcp.saga.spinnaker.transport;

import java.net.http.HttpRequest;

/** Sends one configured header with a fixed secret value (e.g. an API-gateway key in front of Gate). */
final class StaticHeaderAuth implements GateAuth {

    private final GateAuthSettings.StaticHeader settings;

    StaticHeaderAuth(GateAuthSettings.StaticHeader settings) {
        this.settings = settings;
    }

    @Override
    public void authorize(HttpRequest.Builder request) {
        request.header(settings.headerName(), settings.secretValue());
    }
}
