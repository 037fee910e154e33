package dev.cartera.spring.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.cartera.core.lead.Lead;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Spring layer talks to the core's services, views and commands, never to its persistence. */
class ApiArchitectureTests {
    static final ArchRule NO_PERSISTENCE_IN_SPRING_LAYER = noClasses().that().resideInAPackage("dev.cartera.spring..")
            .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
            .orShould().dependOnClassesThat().areAnnotatedWith(Entity.class)
            .because("entities never leave a service: controllers use view and command records");

    @Test
    void springClassesNeverUseTheEntityManagerOrEntities() {
        JavaClasses starter = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cartera.spring");
        NO_PERSISTENCE_IN_SPRING_LAYER.check(starter);
    }

    @Test
    void theRuleCatchesAControllerThatReachesForAnEntity() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyController.class);
        assertThatThrownBy(() -> NO_PERSISTENCE_IN_SPRING_LAYER.check(leaky))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("EntityManager")
                .hasMessageContaining(Lead.class.getName());
    }

    static class LeakyController {
        Object lead(EntityManager em, UUID id) {
            return em.find(Lead.class, id);
        }
    }
}
