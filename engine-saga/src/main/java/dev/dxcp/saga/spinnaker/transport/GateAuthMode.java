package dev.dxcp.saga.spinnaker.transport;

/** How DXCP authenticates itself to the engine (domain-and-state §16). User tokens are never forwarded. */
public enum GateAuthMode {
    NONE, STATIC_HEADER, CLIENT_CREDENTIALS, MTLS
}
