package dev.dxcp.server.http.configuration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.configuration.ConfigurationCommands.CreateRecipe;
import dev.dxcp.events.configuration.ConfigurationCommands.DeleteRecipe;
import dev.dxcp.events.configuration.ConfigurationCommands.UpdateRecipe;
import dev.dxcp.events.configuration.ConfigurationQueries.FindRecipe;
import dev.dxcp.events.configuration.ConfigurationQueries.ListRecipes;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.configuration.RecipeSpec;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.JsonBodies;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.observability.RequestIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.time.Instant;

/** Recipes (api-contract §9). POST answers 200, not 201, as clients expect. */
@RestController
public class RecipeController {
    private final ConfigurationGate gate;
    private final Questions questions;
    private final CommandSender commands;
    private final ConfigurationJson json;
    private final Clock clock;

    public RecipeController(ConfigurationGate gate, Questions questions, CommandSender commands,
                            ConfigurationJson json, Clock clock) {
        this.gate = gate;
        this.questions = questions;
        this.commands = commands;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/v1/recipes")
    public ArrayNode list(ServerWebExchange exchange) {
        Caller caller = gate.read(exchange);
        ArrayNode list = json.array();
        questions.askList(new ListRecipes(), Recipe.class)
                .forEach(recipe -> list.add(json.recipe(recipe, caller.isAdmin())));
        return list;
    }

    @GetMapping("/v1/recipes/{id}")
    public ObjectNode get(ServerWebExchange exchange, @PathVariable String id) {
        Caller caller = gate.read(exchange);
        return json.recipe(find(id), caller.isAdmin());
    }

    @PostMapping("/v1/recipes")
    public ObjectNode create(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = gate.adminWrite(exchange);
        ConfigurationBodies.WithReason<RecipeSpec> request =
                ConfigurationBodies.recipe(JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST));
        commands.send(new CreateRecipe(request.spec(), request.changeReason(), now()),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return json.recipe(find(request.spec().id().trim()), true);
    }

    @PutMapping("/v1/recipes/{id}")
    public ObjectNode update(ServerWebExchange exchange, @PathVariable String id,
                             @RequestBody(required = false) byte[] body) {
        Caller caller = gate.adminWrite(exchange);
        ConfigurationBodies.WithReason<RecipeSpec> request =
                ConfigurationBodies.recipe(JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST));
        commands.send(new UpdateRecipe(id, request.spec(), request.changeReason(), now()),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return json.recipe(find(id), true);
    }

    /** Deployment history keeps naming the recipe; it stays readable (api-contract §9). */
    @DeleteMapping("/v1/admin/recipes/{id}")
    public ResponseEntity<Void> delete(ServerWebExchange exchange, @PathVariable String id) {
        Caller caller = gate.adminWrite(exchange);
        commands.send(new DeleteRecipe(id, now()), AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return ResponseEntity.noContent().build();
    }

    private Recipe find(String id) {
        return questions.askOptional(new FindRecipe(id), Recipe.class)
                .orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "Recipe not found"));
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
