package dev.cartera.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaMethod;
import jakarta.persistence.Entity;

@AnalyzeClasses(packages = "dev.cartera.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTests {

    @ArchTest
    static final ArchRule coreIsPlainJava = noClasses().that().resideInAPackage("dev.cartera.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.drools..", "org.kie..",
                    "software.amazon..")
            .because("crm-core is embedded by hosts without Spring (B-1); rules and storage live in their own modules");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("dev.cartera.core.(*)..").should().beFreeOfCycles();

    /** A feature's {@code internal} package is its own business: other features use its root API. */
    @ArchTest
    static final ArchRule internalsStayInsideTheirFeature = classes().that().resideInAPackage("dev.cartera.core..")
            .should(new ArchCondition<>("use no other feature's internal package") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                        String target = d.getTargetClass().getPackageName();
                        int internal = target.indexOf(".internal");
                        if (target.startsWith("dev.cartera.core.") && internal > 0
                                && !origin.getPackageName().startsWith(target.substring(0, internal))) {
                            events.add(SimpleConditionEvent.violated(origin, d.getDescription()));
                        }
                    }
                }
            });

    @ArchTest
    static final ArchRule servicesNeverHandOutEntities = methods()
            .that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Service")
            .and().arePublic().and().areNotStatic()
            .should(new ArchCondition<>("not return a JPA entity") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    JavaClass returned = method.getRawReturnType();
                    if (returned.isAnnotatedWith(Entity.class)) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns entity " + returned.getName()));
                    }
                }
            });

    @ArchTest
    static final ArchRule entitiesAreNotFinal = noClasses().that().areAnnotatedWith(Entity.class)
            .should().haveModifier(JavaModifier.FINAL).because("Hibernate proxies entities");
}
