package dev.dxcp.server.boundaries;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.queryhandling.QueryHandler;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module boundaries of docs/ARCHITECTURE.md, checked on the production classes of every module (the
 * server's test class path holds them all). A rule that fails names the class and the dependency that
 * crossed the line.
 */
@AnalyzeClasses(packages = "dev.dxcp", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {
    private static final String EDGE = "dev.dxcp.server.http..";
    private static final String IDENTITY = "dev.dxcp.server.identity..";
    /** Everything the edge module (edge/) holds. */
    private static final String[] EDGE_MODULE = {EDGE, IDENTITY, "dev.dxcp.server.observability..",
        "dev.dxcp.server.axon..", "dev.dxcp.server.settings.."};
    /** Everything the server module (server/) holds: the assembly. */
    private static final String[] ASSEMBLY = {"dev.dxcp.server", "dev.dxcp.server.wiring..",
        "dev.dxcp.server.config..", "dev.dxcp.server.metrics..", "dev.dxcp.server.startup..",
        "dev.dxcp.server.demo..", "dev.dxcp.server.configuration.."};
    private static final String EVENTS = "dev.dxcp.events..";
    private static final String COMMAND = "dev.dxcp.command..";
    private static final String QUERY = "dev.dxcp.query..";
    private static final String SAGA = "dev.dxcp.saga..";
    private static final String ARTIFACT = "dev.dxcp.artifact..";
    private static final String SERVER = "dev.dxcp.server..";
    private static final String NOTIFY = "dev.dxcp.notify..";
    private static final String GATE_CLIENT = "dev.dxcp.saga.spinnaker..";
    private static final String GATE_SIMULATOR = "dev.dxcp.gatesim..";

    /**
     * The HTTP edge sends shared-events commands and queries; it knows no module's internals, nor the
     * assembly that wires it (its pom holds no other DXCP module either: docs/DECISIONS.md 94).
     */
    @ArchTest
    static final ArchRule edgeSpeaksInMessagesOnly = noClasses().that().resideInAnyPackage(EDGE_MODULE)
            .should().dependOnClassesThat(resideInAnyPackage(COMMAND, QUERY, SAGA, ARTIFACT, GATE_SIMULATOR, NOTIFY)
                    .or(resideInAnyPackage(ASSEMBLY)))
            .because("the edge reaches the modules through shared-events messages only");

    /** ... and reaches Axon through its gateways and message types, never an aggregate, store or processor. */
    @ArchTest
    static final ArchRule edgeUsesAxonThroughGatewaysOnly = noClasses().that().resideInAnyPackage(EDGE, IDENTITY)
            .should().dependOnClassesThat(resideInAnyPackage("org.axonframework.modelling..",
                    "org.axonframework.eventsourcing..", "org.axonframework.eventhandling..",
                    "org.axonframework.config..").and(not(assignableTo(Throwable.class))))
            .because("the edge may recognise a store outage, not use the store");

    /** The assembly wires, starts and measures; every command, event and query handler is a module's. */
    @ArchTest
    static final ArchRule assemblyHandlesNoMessage = noMethods().that().areDeclaredInClassesThat()
            .resideInAnyPackage(ASSEMBLY)
            .should().beAnnotatedWith(CommandHandler.class).orShould().beAnnotatedWith(EventHandler.class)
            .orShould().beAnnotatedWith(QueryHandler.class).orShould().beAnnotatedWith(SagaEventHandler.class)
            .orShould().beAnnotatedWith(EventSourcingHandler.class)
            .because("no engine, rebuild, audit or other decision lives in server/ (issue 10)");

    @ArchTest
    static final ArchRule commandSideHasNoSpring = noClasses().that().resideInAPackage(COMMAND)
            .should().dependOnClassesThat(resideInAPackage("org.springframework..")
                    .or(resideInAPackage("org.axonframework.spring..")
                            .and(not(name("org.axonframework.spring.stereotype.Aggregate")))))
            .because("the command side is plain Axon; the server wires it (aggregates keep Axon's @Aggregate"
                    + " stereotype, docs/DECISIONS.md 92)");

    @ArchTest
    static final ArchRule commandSideKnowsNoOtherModule = noClasses().that().resideInAPackage(COMMAND)
            .should().dependOnClassesThat().resideInAnyPackage(QUERY, SAGA, ARTIFACT, SERVER, GATE_SIMULATOR, NOTIFY);

    @ArchTest
    static final ArchRule querySideKnowsNoOtherModule = noClasses().that().resideInAPackage(QUERY)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND, SAGA, ARTIFACT, SERVER, GATE_SIMULATOR, NOTIFY);

    @ArchTest
    static final ArchRule notificationsKnowNoOtherModule = noClasses().that().resideInAPackage(NOTIFY)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, SAGA, ARTIFACT, SERVER, GATE_SIMULATOR)
            .because("notifications read the event store's messages and their own tables only");

    @ArchTest
    static final ArchRule engineSagaKnowsNeitherSide = noClasses().that().resideInAPackage(SAGA)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, SERVER);

    @ArchTest
    static final ArchRule onlyEngineSagaKnowsGate = noClasses().that().resideOutsideOfPackages(SAGA, GATE_SIMULATOR)
            .should().dependOnClassesThat().resideInAnyPackage(GATE_CLIENT, GATE_SIMULATOR)
            .because("Gate (Spinnaker) is engine-saga's business; the others speak of engines");

    /** Messages are plain records: Java, each other, and the Axon annotations that route and version them. */
    @ArchTest
    static final ArchRule sharedEventsHasNoFramework = classes().that().resideInAPackage(EVENTS)
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", EVENTS, "")
                    .or(resideInAPackage("org.axonframework..").and(annotations())));

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles = slices().matching("dev.dxcp.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.dxcp.(*).(*)..").should()
            .beFreeOfCycles();

    private static DescribedPredicate<JavaClass> annotations() {
        return DescribedPredicate.describe("annotations", JavaClass::isAnnotation);
    }
}
