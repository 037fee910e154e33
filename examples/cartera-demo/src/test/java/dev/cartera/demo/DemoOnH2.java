package dev.cartera.demo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The demo as it starts, on a private in-memory H2 database (never {@code ./data}). Test classes that
 * carry it share one Spring context, so the demo data is loaded once for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:cartera-demo-tests;DB_CLOSE_DELAY=-1")
@interface DemoOnH2 {
}
