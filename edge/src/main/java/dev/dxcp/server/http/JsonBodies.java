package dev.dxcp.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Request bodies are read as bytes and parsed here, after authentication and the gates that come
 * before the schema step, so that the contract's check order decides which error a request gets.
 */
public final class JsonBodies {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                .maxStringLength(1_000_000).build());
    }

    private JsonBodies() {
    }

    /**
     * Parses a JSON object body; malformed JSON, invalid UTF-8 or a non-object answer {@code invalidCode}.
     * A body in another media type answers 415. Blank strings are read as null ({@link BlankMeansAbsent}).
     */
    public static JsonNode object(ServerWebExchange exchange, byte[] body, ErrorCode invalidCode) {
        return object(exchange, body, invalidCode, Set.of());
    }

    /** As {@link #object(ServerWebExchange, byte[], ErrorCode)}, keeping the blank values of these top-level fields. */
    public static JsonNode object(ServerWebExchange exchange, byte[] body, ErrorCode invalidCode,
                                  Set<String> blankIsAValue) {
        requireJsonMediaType(exchange, body);
        if (body == null || body.length == 0) {
            throw new Rejection(invalidCode, "Invalid request: a JSON object body is required");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            JsonNode node = STRICT.readTree(body);
            if (node == null || !node.isObject()) {
                throw new Rejection(invalidCode, "Invalid request: the body must be a JSON object");
            }
            BlankMeansAbsent.apply((ObjectNode) node, blankIsAValue);
            return node;
        } catch (CharacterCodingException e) {
            throw new Rejection(invalidCode, "Invalid request: the body is not valid UTF-8");
        } catch (IOException e) {
            throw new Rejection(invalidCode, "Invalid request: the body is not valid JSON");
        }
    }

    static void requireJsonMediaType(ServerWebExchange exchange, byte[] body) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (body == null || body.length == 0 || type == null) {
            return;
        }
        boolean json = MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || type.getSubtype().endsWith("+json");
        if (!json) {
            throw new UnsupportedMediaTypeStatusException(type, List.of(MediaType.APPLICATION_JSON));
        }
    }
}
